-- An identity column writes its next value to the file, in a commit of its own, each time its cache of
-- values runs out (32 by default). A report inserts about 30 rows with generated ids, so that was an
-- extra commit every report or so. With 1,000 cached, a crash skips at most that many ids: ids have
-- gaps, and nothing reads meaning into them.
ALTER TABLE inbound_message ALTER COLUMN id SET CACHE 1000;
ALTER TABLE outbox ALTER COLUMN id SET CACHE 1000;
ALTER TABLE case_message ALTER COLUMN id SET CACHE 1000;
ALTER TABLE case_event ALTER COLUMN id SET CACHE 1000;
ALTER TABLE case_band ALTER COLUMN id SET CACHE 1000;
ALTER TABLE known_key ALTER COLUMN id SET CACHE 1000;
