-- PostgreSQL twin of ../0010_work_leases.sql.
ALTER TABLE translations ADD COLUMN lease_owner TEXT;
ALTER TABLE translations ADD COLUMN lease_until TEXT;
