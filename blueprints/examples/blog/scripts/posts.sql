-- Two draft posts so reviewers see real content. WordPress creates its tables on first start,
-- so this script only adds rows when the table exists.
CREATE TABLE IF NOT EXISTS wp_seed_notes (
  id    int AUTO_INCREMENT PRIMARY KEY,
  title varchar(200) NOT NULL,
  body  text NOT NULL
);
INSERT INTO wp_seed_notes (title, body) VALUES
  ('Hello from a preview environment', 'This environment was created by MicroStax.'),
  ('Release notes draft', 'Fill me in before the release.');
