-- The document format that read each article (IDocumentFormat.Id: markdown, resx …), so code that reads a stored
-- article asks its format instead of guessing it from the path. Articles stored before formats had ids are backfilled
-- from their path: .resx files were read as resource files, everything else as Markdown. (0011 is another branch's.)
ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'markdown';
UPDATE articles SET format = 'resx' WHERE lower(source_path) LIKE '%.resx';
