-- Why residents reported a pin, for the keeper who looks at it: a comma-
-- separated list of reason codes (pins.ReportReasons), oldest first, at most
-- a few dozen (the store stops adding when it is long).
ALTER TABLE pins ADD COLUMN report_reasons TEXT NOT NULL DEFAULT '';
