-- The city of a practice becomes one of its facet values (`city:<id>`), so that the world map counts
-- practices per city as it counts them per country: from the counts the triggers keep
-- (`search_facet_counts`) when nothing filters, and from the search rows, or a sample of them,
-- when the practice search's filters apply (src/search/engine.ts `matchSummary`). The practice
-- search lists only the facets it offers and leaves this one alone.

CREATE OR REPLACE FUNCTION search_rows_practice(ids integer[]) RETURNS SETOF search_row
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT
    p.id,
    coalesce(p.published_at, p.updated_at),
    p.language,
    lower(unaccent(p.title)),
    ARRAY(SELECT 'country:' || c FROM unnest(p.countries) AS c)
      || ARRAY(SELECT 'region:' || r FROM unnest(p.regions) AS r)
      || ARRAY(SELECT t.vocabulary || ':' || t.code FROM taxonomy_terms t
               WHERE t.id = ANY (p.term_ids) AND t.vocabulary <> 'sdg_target' ORDER BY t.id)
      || ARRAY(SELECT DISTINCT 'stakeholder:' || o.stakeholder_type FROM practice_organisations o
               WHERE o.practice_id = p.id AND o.role = 'implementing' AND o.stakeholder_type IS NOT NULL)
      || ARRAY['evidence:' || p.evidence_level, 'language:' || p.language]
      || CASE WHEN p.start_date IS NULL THEN '{}'::text[]
              ELSE ARRAY['year:' || extract(year FROM p.start_date)::integer] END
      || CASE WHEN p.city_id IS NULL THEN '{}'::text[] ELSE ARRAY['city:' || p.city_id] END,
    -- A: title; B: summary and the labels of its dimensions, pillars, topics and target groups in
    -- every locale; C: organisations and city; D (positions stripped, to stay compact): the long sections.
    setweight(to_tsvector(content_text_config(p.language), p.title), 'A')
      || setweight(to_tsvector(content_text_config(p.language), p.summary), 'B')
      || setweight(
           to_tsvector('bridges_english', coalesce(labels.en, ''))
           || to_tsvector('bridges_french', coalesce(labels.fr, ''))
           || to_tsvector('bridges_spanish', coalesce(labels.es, ''))
           || to_tsvector('bridges_arabic', coalesce(labels.ar, ''))
           || to_tsvector('bridges_simple', coalesce(labels.other, '')), 'B')
      || setweight(to_tsvector('bridges_simple', concat_ws(' ',
           (SELECT string_agg(o.name, ' ') FROM practice_organisations o WHERE o.practice_id = p.id),
           (SELECT c.name FROM cities c WHERE c.id = p.city_id))), 'C')
      || strip(to_tsvector(content_text_config(p.language), concat_ws(' ',
           p.background, p.activities, p.participants, p.outcomes, p.evaluation, p.recommendations, p.funding_source)))
  FROM practices p
  -- Term labels in each locale, stemmed in that locale's language.
  CROSS JOIN LATERAL (
    SELECT string_agg(label.value, ' ') FILTER (WHERE label.key = 'en') AS en,
           string_agg(label.value, ' ') FILTER (WHERE label.key = 'fr') AS fr,
           string_agg(label.value, ' ') FILTER (WHERE label.key = 'es') AS es,
           string_agg(label.value, ' ') FILTER (WHERE label.key = 'ar') AS ar,
           string_agg(label.value, ' ') FILTER (WHERE label.key NOT IN ('en', 'fr', 'es', 'ar')) AS other
    FROM taxonomy_terms t, jsonb_each_text(t.labels) AS label
    -- GCM objectives and SDG targets are long sentences: they are facets, not search words.
    WHERE t.id = ANY (p.term_ids) AND t.vocabulary NOT IN ('gcm_objective', 'sdg_target')
  ) labels
  WHERE p.id = ANY (ids) AND p.status = 'published'
$$;

-- The search rows written before: the city added in place, each row's counts moved by the triggers.
UPDATE search_documents d
   SET facets = d.facets || ARRAY['city:' || p.city_id]
  FROM practices p
 WHERE d.kind = 'practice' AND d.subject_id = p.id AND p.city_id IS NOT NULL
   AND NOT d.facets @> ARRAY['city:' || p.city_id];
