-- Duplicate detection files each open case under its candidate keys in memory, built from case_features
-- when the daemon starts: the key rows are no longer written or read.
DROP TABLE case_band;
