import { escapeXml } from '../../open-data/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import type { Translate } from '../../platform/i18n.ts';
import type { DialogueView } from './dialogues.ts';
import type { PostRow } from './forum-queries.ts';
import { questionPath } from './kind.ts';

/**
 * A dialogue as one document: the introduction, each question with its posts, and the summary
 * once published. The HTML stands alone (its style inside, no script, no outside resource), for
 * reading offline or archiving; the JSON is the same content for machines. The HTML is built here
 * as text: every plain value goes through escapeXml, every member's Markdown through renderMarkdown
 * (markdown-it without raw HTML, then sanitize-html's allowlist).
 */

type DialogueDocument = DialogueView & { posts: PostRow[] };

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}article{border-top:1px solid #ccc;padding:.5rem 0}.meta{color:#555;font-size:.9rem}';

export function dialogueHtml(document: DialogueDocument, t: Translate, locale: string): string {
  const { dialogue } = document;
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const questions = document.questions.map((question) => {
    const posts = document.posts.filter((post) => post.topic_id === question.id);
    const items = posts.map((post) => `<article id="post-${post.id}"><p class="meta">${escapeXml(post.author_name ?? t('discuss.post.deletedMember'))} · <time datetime="${post.created_at.toISOString()}">${post.created_at.toISOString().slice(0, 16).replace('T', ' ')} UTC</time></p><div dir="auto">${renderMarkdown(post.body)}</div></article>`);
    return `<section><h2 dir="auto">${escapeXml(question.title)}</h2>${items.length > 0 ? items.join('') : `<p>${escapeXml(t('discuss.thread.empty'))}</p>`}</section>`;
  });
  const summary = dialogue.summary_published_at ? `<section><h2>${escapeXml(t('discuss.dialogue.summary'))}</h2>${renderMarkdown(dialogue.summary)}</section>` : '';
  return `<!doctype html><html lang="${escapeXml(locale)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(dialogue.title)}</title><style>${STYLE}</style></head><body><h1 dir="auto">${escapeXml(dialogue.title)}</h1><p class="meta">${escapeXml(dialogue.opens_at.toISOString())} – ${escapeXml(dialogue.closes_at.toISOString())}</p><div lang="${escapeXml(dialogue.language)}">${renderMarkdown(dialogue.introduction)}</div>${questions.join('')}${summary}</body></html>`;
}

export function dialogueJson(document: DialogueDocument, baseUrl: URL) {
  const { dialogue } = document;
  return {
    slug: dialogue.slug,
    title: dialogue.title,
    introduction: dialogue.introduction,
    language: dialogue.language,
    opens_at: dialogue.opens_at.toISOString(),
    closes_at: dialogue.closes_at.toISOString(),
    state: document.state,
    summary: dialogue.summary_published_at ? dialogue.summary : null,
    questions: document.questions.map((question) => ({
      title: question.title,
      url: new URL(`/en${questionPath(dialogue.slug, question.slug)}`, baseUrl).href,
      posts: document.posts
        .filter((post) => post.topic_id === question.id)
        .map((post) => ({ id: post.id, author: post.author_name, body: post.body, language: post.language, created_at: post.created_at.toISOString(), edited_at: post.edited_at?.toISOString() ?? null, quote_of: post.quoted_body === null ? null : post.quote_of })),
    })),
  };
}
