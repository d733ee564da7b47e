import { sql } from 'kysely';
import type { Executor } from '../../content/kinds.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as consultationQueries from './consultation-queries.ts';
import * as dialogueQueries from './dialogue-queries.ts';
import * as forumQueries from './forum-queries.ts';

/**
 * Forums with conversations, the seeds' online dialogue of July 2010 ("Deconstructing
 * perceptions" and its replies), the roundtable on civil society's contributions as an open
 * consultation, and the break-out session on campaigns against xenophobia as a closed one with
 * its synthesis. Written straight to the tables: the demo loads before the job queue starts.
 */

const DAY = 86_400_000;

interface DemoPost {
  by: string;
  body: string;
  /** Days before now; dialogue posts give a date instead. */
  daysAgo?: number;
  at?: string;
}

interface DemoTopic {
  title: string;
  posts: readonly DemoPost[];
  pinned?: boolean;
}

const FORUMS: readonly { name: string; description: string; topics: readonly DemoTopic[] }[] = [
  {
    name: 'Integration practice',
    description: 'How cities, services and organisations welcome newcomers: what works, what does not, and how you know.',
    topics: [
      {
        title: 'Welcome to the forums: how we talk here',
        pinned: true,
        posts: [{ by: 'editor@bridges.example', daysAgo: 30, body: 'These forums are for practitioners. Say who you are, cite what you know, and be kind.\n\n- Quote the post you answer\n- Report anything that breaks the rules\n- Follow a topic to hear of replies' }],
      },
      {
        title: 'One telephone line in the migrant’s language: does it scale?',
        posts: [
          { by: 'lisboa@bridges.example', daysAgo: 12, body: 'Our national support line answers in the caller’s language and hands over to intercultural mediators in local offices. Has anyone run something similar for a whole region?' },
          { by: 'toronto@bridges.example', daysAgo: 11, body: 'Toronto’s newcomer office runs a 311 service with interpretation in more than 180 languages. The hard part is not the line, it is keeping the referral list current.' },
          { by: 'amman@bridges.example', daysAgo: 9, body: 'نعمل في عمّان مع وسطاء مجتمعيين يتحدثون لغات القادمين الجدد. الخط الهاتفي مفيد، لكن الثقة تُبنى في اللقاء المباشر.' },
          { by: 'lisboa@bridges.example', daysAgo: 8, body: 'Agreed on trust. We publish the referral list as open data and ask each local office to confirm it every quarter.' },
        ],
      },
    ],
  },
  {
    name: 'Public perceptions and media',
    description: 'Myths, facts and fair coverage: working with journalists and reaching beyond the converted.',
    topics: [
      {
        title: 'Positive stories journalists can actually use',
        posts: [
          { by: 'diaspora@bridges.example', daysAgo: 6, body: 'Les rédactions veulent des histoires, pas des communiqués. Nous préparons des portraits courts avec des chiffres vérifiés et une personne joignable.' },
          { by: 'dakar@bridges.example', daysAgo: 5, body: 'À Dakar, nous formons des étudiants en journalisme au traitement des migrations. Un module de deux jours suffit à changer les réflexes.' },
          { by: 'quito@bridges.example', daysAgo: 3, body: 'En Pichincha los festivales interculturales atraen más prensa que cualquier informe. La clave es invitar a los medios a participar, no solo a cubrir.' },
        ],
      },
    ],
  },
  {
    name: 'Cities and local integration',
    description: 'Mayors, city offices and their partners: networks, funding and what local government can do.',
    topics: [],
  },
];

const DIALOGUE_INTRODUCTION =
  'An online edition of the dialogue on societies and identities, open for one week. Practitioners from governments, cities, civil society, academia and the media answer the discussion questions below and share what has worked where they are.';

const DIALOGUE_QUESTIONS: readonly DemoTopic[] = [
  {
    title: 'Deconstructing perceptions',
    posts: [
      {
        by: 'chair@bridges.example',
        at: '2010-07-15T08:00:00Z',
        body: 'How migrants are seen, in countries of origin and of destination, shapes what they can contribute. There is no single migration experience and no single image of migrants; governments, the media, migrants themselves and society all shape it. How can these actors work together to take apart migration myths and promote realistic images? Which practices against racism and xenophobia have worked at national or local level?',
      },
      {
        by: 'editor@bridges.example',
        at: '2010-07-19T07:39:00Z',
        body: 'Newspapers often mention a person’s migrant origin when the story is negative, and call the same people “brave new citizens” when it is positive. How can journalists give migrants fairer coverage?',
      },
      {
        by: 'quito@bridges.example',
        at: '2010-07-19T17:31:00Z',
        body: 'Two ideas. First, training: several Spanish universities offer courses on communication, migration and the press, and NGOs run workshops for journalists. Second, civil society has to offer the media good positive stories, well presented: journalists willing to publish them need material their audience will read.',
      },
      {
        by: 'amman@bridges.example',
        at: '2010-07-20T10:05:00Z',
        body: 'الصور النمطية تتغير عندما يلتقي الناس. المبادرات المحلية التي تجمع السكان والقادمين الجدد حول مشروع مشترك أكثر تأثيرًا من الحملات الإعلامية وحدها.',
      },
    ],
  },
  {
    title: 'Identities in transition: belonging to more than one place',
    posts: [
      { by: 'diaspora@bridges.example', at: '2010-07-16T09:12:00Z', body: 'Les diasporas vivent entre deux sociétés. Reconnaître cette double appartenance, c’est aussi reconnaître ce qu’elles apportent aux deux.' },
      { by: 'dakar@bridges.example', at: '2010-07-18T14:40:00Z', body: 'Les retours au pays posent la même question dans l’autre sens : comment la société d’origine perçoit-elle ceux qui reviennent ?' },
    ],
  },
];

const DIALOGUE_SUMMARY =
  'Over one week, participants from four continents agreed that perceptions of migrants are built by many hands and can be rebuilt the same way.\n\n- **Media**: train journalists, and give them well-presented positive stories with people they can reach.\n- **Local encounters**: projects that bring residents and newcomers together change views faster than campaigns alone.\n- **Belonging**: diasporas and returnees belong to more than one place; policies should recognise what they bring to both.';

const ROUNDTABLE_CONTEXT =
  'This roundtable looks at the political and legal frameworks that can strengthen cooperation between everyone who promotes civic engagement and exchange between people with and without an immigrant background. States set the framework, but volunteers, faith communities, associations, trade unions and companies all take part, and migrants themselves bring knowledge and capacities that integration policy should use.';

const ROUNDTABLE_QUESTIONS = [
  'How can states encourage civil society to support the integration of migrants through reception, basic necessities, civic education and language training, and which framework conditions should the state provide?',
  'How can states make civil society’s involvement alongside state actors more professional and better coordinated?',
  'How can the knowledge of migrants and people with an immigrant background, migrant organisations and volunteers in particular, inform national policy strategies?',
  'How can their potential strengthen their own resilience, and how can locals with an immigrant background be supported as intermediaries for newcomers?',
];

const BREAKOUT_CONTEXT =
  'A break-out session on campaigns for social inclusion and against xenophobia and discrimination: whether campaigns work, which policy actions are needed beyond them, and what an intergovernmental forum can do.';

const BREAKOUT_QUESTIONS = [
  'Are campaigns effective tools against xenophobia, racism and discrimination towards migrants? Share one that worked, locally or nationally.',
  'Beyond campaigns, which policy actions have been effective or are needed, nationally, regionally or globally?',
  'What role can an intergovernmental forum play in these campaigns and policies?',
];

const BREAKOUT_COMMENTS: readonly { by: string; question: number; body: string; publish: boolean }[] = [
  { by: 'lisboa@bridges.example', question: 2, publish: true, body: 'Portugal’s model rests on cooperation between ministries, a telephone line that answers in the migrant’s language, intercultural mediators and close work with local authorities. Because migration is not used for political ends, the public does not see it as a problem.' },
  { by: 'quito@bridges.example', question: 1, publish: true, body: 'In Pichincha the regional government fosters cohesion and embraces diversity through festivals, with the support of a joint UN initiative. Connecting cities with each other spreads such practices.' },
  { by: 'diaspora@bridges.example', question: 1, publish: true, body: 'Une campagne de notre réseau a démonté dix idées reçues sur les migrations, à destination des pays d’accueil comme des pays d’origine, portée par un réseau de villes.' },
  { by: 'toronto@bridges.example', question: 3, publish: false, body: 'Could the forum fund our city’s next poster campaign? Please contact me directly.' },
];

const BREAKOUT_SYNTHESIS =
  'Participants agreed that campaigns work when they rest on facts, target a precise audience and are carried by cities and local organisations; the most effective reach beyond people already convinced.\n\n1. **Campaigns are one tool among several.** A comprehensive model, such as Portugal’s (see the comment on policy actions), keeps migration from becoming a political issue in the first place.\n2. **Cities matter.** Regional and city governments, as in Pichincha, build cohesion through festivals and by connecting with other cities.\n3. **Myths must be answered with facts**, for destination and origin audiences alike, as the diaspora network’s campaign did.\n\nThe forum was asked to help connect cities and to keep the exchange of good practices going between its meetings.';

export async function loadDemoDiscussions(deps: AppDeps, members: ReadonlyMap<string, CurrentUser>): Promise<void> {
  const { db } = deps;
  const idOf = (email: string): number => {
    const member = members.get(email);
    if (!member) throw new Error(`No demo member ${email}`);
    return member.id;
  };
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    for (const [index, forum] of FORUMS.entries()) {
      const slug = forum.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const forumId = await forumQueries.insertForum(trx, { slug, name: forum.name, description: forum.description, position: index + 1 });
      for (const [topicIndex, topic] of forum.topics.entries()) {
        const first = topic.posts[0];
        const topicId = await forumQueries.insertTopic(trx, { slug: `${slug}-${topicIndex + 1}`, title: topic.title, language: 'en', forumId, dialogueId: null, position: 0, authorId: first ? idOf(first.by) : null });
        if (topic.pinned) await forumQueries.setTopicState(trx, topicId, { pinned: true });
        await insertPosts(trx, topicId, topic.posts.map((post) => ({ ...post, at: new Date(now - (post.daysAgo ?? 0) * DAY).toISOString() })), idOf);
      }
    }

    const dialogueId = await dialogueQueries.insertDialogue(trx, {
      slug: 'societies-and-identities-online-2010',
      title: 'Societies and Identities: The Multifaceted Impact of Migration (online edition)',
      introduction: DIALOGUE_INTRODUCTION,
      language: 'en',
      languages: ['en', 'fr', 'es', 'ar'],
      opensAt: new Date('2010-07-15T00:00:00Z'),
      closesAt: new Date('2010-07-22T23:59:00Z'),
      eventId: null,
      createdBy: idOf('chair@bridges.example'),
    });
    await dialogueQueries.addModerators(trx, dialogueId, [idOf('chair@bridges.example'), idOf('editor@bridges.example')]);
    for (const [index, question] of DIALOGUE_QUESTIONS.entries()) {
      const topicId = await forumQueries.insertTopic(trx, { slug: `societies-and-identities-online-2010-${index + 1}`, title: question.title, language: 'en', forumId: null, dialogueId, position: index + 1, authorId: idOf('chair@bridges.example') });
      await insertPosts(trx, topicId, question.posts, idOf);
    }
    await dialogueQueries.saveSummary(trx, dialogueId, DIALOGUE_SUMMARY, true);

    const chairId = idOf('chair@bridges.example');
    const roundtable = await consultationQueries.insertConsultation(trx, {
      slug: 'strengthening-cooperation-civil-society',
      title: 'Strengthening Cooperation: Enabling Civil Society Contributions in Migrant and Refugee Integration',
      context: ROUNDTABLE_CONTEXT,
      language: 'en',
      chairId,
      opensAt: new Date(now - 3 * DAY),
      closesAt: new Date(now + 28 * DAY),
    });
    for (const [index, text] of ROUNDTABLE_QUESTIONS.entries()) await consultationQueries.insertQuestion(trx, roundtable, index + 1, text);

    const breakout = await consultationQueries.insertConsultation(trx, {
      slug: 'campaigns-against-xenophobia-breakout',
      title: 'Break-out session: campaigns for social inclusion and against xenophobia and discrimination',
      context: BREAKOUT_CONTEXT,
      language: 'en',
      chairId,
      opensAt: new Date(now - 120 * DAY),
      closesAt: new Date(now - 90 * DAY),
    });
    const questionIds: number[] = [];
    for (const [index, text] of BREAKOUT_QUESTIONS.entries()) questionIds.push(await consultationQueries.insertQuestion(trx, breakout, index + 1, text));
    for (const comment of BREAKOUT_COMMENTS) {
      const member = members.get(comment.by);
      const profile = member ? await consultationQueries.memberIdentity(trx, member.id) : undefined;
      const questionId = questionIds[comment.question - 1];
      if (!member || !profile || questionId === undefined) continue;
      const commentId = await consultationQueries.insertComment(trx, {
        consultationId: breakout,
        questionId,
        authorId: member.id,
        body: comment.body,
        authorName: profile.name ?? member.name ?? member.handle,
        organisation: profile.organisation ?? '',
        stakeholderType: profile.stakeholder_type ?? '',
        country: profile.country ?? '',
      });
      const decision = comment.publish ? 'published' : 'declined';
      await consultationQueries.decide(trx, commentId, breakout, decision);
      await consultationQueries.logDecision(trx, { consultationId: breakout, commentId, decision, decidedBy: chairId, reason: comment.publish ? '' : 'A request for funding, not a contribution to the questions.' });
    }
    await consultationQueries.saveSynthesis(trx, breakout, BREAKOUT_SYNTHESIS, true);
    // The demo's conversations happened before anyone could follow them: nobody is told of them.
    await sql`
      UPDATE content_events e SET processed_at = now()
      FROM comments c WHERE e.processed_at IS NULL AND e.kind = 'comment' AND c.id = e.subject_id AND c.kind = 'forum_topic'`.execute(trx);
  });
}

async function insertPosts(trx: Executor, topicId: number, posts: readonly DemoPost[], idOf: (email: string) => number): Promise<void> {
  for (const post of posts) {
    await sql`
      INSERT INTO comments (kind, subject_id, author_id, body, language, created_at)
      VALUES ('forum_topic', ${topicId}, ${idOf(post.by)}, ${post.body}, NULL, ${post.at ?? new Date().toISOString()}::timestamptz)`.execute(trx);
  }
}
