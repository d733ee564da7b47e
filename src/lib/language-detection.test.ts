import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language-detection.ts';

const CANDIDATES = ['en', 'fr', 'es', 'ar', 'pt', 'de', 'it', 'nl'];

test('recognises the languages practices are written in', () => {
  const samples: Record<string, string> = {
    en: 'The city opened a single welcome desk where newly arrived migrants get advice on housing, work and language courses, and the waiting times fell within a year.',
    fr: "La ville a ouvert un guichet unique où les personnes migrantes nouvellement arrivées reçoivent des conseils sur le logement, l'emploi et les cours de langue.",
    es: 'El municipio abrió una ventanilla única donde las personas migrantes recién llegadas reciben orientación sobre vivienda, empleo y cursos de idioma durante el primer año.',
    pt: 'Os centros nacionais de apoio reúnem num só lugar os serviços de que os imigrantes precisam: autorização de residência, segurança social, emprego e saúde.',
    ar: 'افتتحت البلدية مكتبا واحدا لاستقبال المهاجرين الجدد حيث يحصلون على المشورة بشأن السكن والعمل ودروس اللغة، وانخفضت مدة الانتظار خلال عام واحد.',
  };
  for (const [language, text] of Object.entries(samples)) {
    assert.equal(detectLanguage(text, CANDIDATES), language, language);
  }
});

test('does not guess on short text, nor outside the candidates', () => {
  assert.equal(detectLanguage('Welcome desks for newcomers', CANDIDATES), null);
  const french = "La ville a ouvert un guichet unique où les personnes migrantes nouvellement arrivées reçoivent des conseils sur le logement, l'emploi et les cours de langue.";
  assert.notEqual(detectLanguage(french, ['en', 'es']), 'fr');
});
