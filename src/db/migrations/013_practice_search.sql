-- The search vector of a practice: its own text stemmed in its own language, plus the labels of
-- its taxonomy terms in every locale and its places and organisations unstemmed, so that a query
-- in one language finds a practice written in another when titles, tags or terms match.

CREATE FUNCTION practice_text_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE language
    WHEN 'en' THEN 'bridges_english'
    WHEN 'fr' THEN 'bridges_french'
    WHEN 'es' THEN 'bridges_spanish'
    WHEN 'ar' THEN 'bridges_arabic'
    WHEN 'pt' THEN 'bridges_portuguese'
    WHEN 'de' THEN 'bridges_german'
    WHEN 'it' THEN 'bridges_italian'
    WHEN 'nl' THEN 'bridges_dutch'
    ELSE 'bridges_simple'
  END::regconfig
$$;

CREATE FUNCTION refresh_practice_search(practice integer) RETURNS void
LANGUAGE sql AS $$
  UPDATE practices p SET search_vector =
      setweight(to_tsvector(practice_text_config(p.language), p.title), 'A')
   || setweight(to_tsvector('bridges_simple', p.title), 'A')
   || setweight(to_tsvector(practice_text_config(p.language), p.summary), 'B')
   || setweight(to_tsvector('bridges_simple', coalesce((
        SELECT string_agg(label.value, ' ')
        FROM taxonomy_terms t, jsonb_each_text(t.labels) AS label
        WHERE t.id = ANY (p.term_ids)), '')), 'B')
   || setweight(to_tsvector('bridges_simple', coalesce((
        SELECT string_agg(o.name, ' ') FROM practice_organisations o WHERE o.practice_id = p.id), '')
        || ' ' || coalesce((SELECT c.name FROM cities c WHERE c.id = p.city_id), '')), 'B')
   || setweight(to_tsvector(practice_text_config(p.language), concat_ws(' ',
        p.background, p.activities, p.participants, p.outcomes, p.evaluation, p.recommendations, p.funding_source)), 'D')
  WHERE p.id = practice
$$;
