-- The rate limiter's daily salts no longer live in the database: they are
-- derived from a secret kept outside it (BUURTKAART_LIMIT_SECRET) and the
-- UTC day. The salts stored before, and the counters keyed with them, would
-- let the file alone be checked against every IPv4 address: both go now.
DELETE FROM secrets WHERE name LIKE 'salt:%';
DELETE FROM rate_limits;
