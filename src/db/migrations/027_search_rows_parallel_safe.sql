-- The kinds' search functions only read, so PostgreSQL may run them in parallel workers: a bulk
-- load (src/search/bulk-load.ts) builds the search rows of many items on every core. A kind added
-- later declares its `search_rows_<kind>` PARALLEL SAFE too, if it only reads.
ALTER FUNCTION search_rows_practice(integer[]) PARALLEL SAFE;
ALTER FUNCTION search_rows_resource(integer[]) PARALLEL SAFE;
-- What the resources' function calls to index tag labels, which only reads as well.
ALTER FUNCTION term_labels_vector(integer[]) PARALLEL SAFE;
