-- PostgreSQL twin of ../0012_article_format.sql.
ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'markdown';
UPDATE articles SET format = 'resx' WHERE lower(source_path) LIKE '%.resx';
