-- Work leases (scale-out): a worker claims a batch of translations waiting for a machine by writing its name and an
-- expiry here, in the same statement that picks them, so two workers never send the same segment to an engine. A
-- worker that dies holds its claim only until lease_until; then any worker takes the batch over. (0009 was reserved
-- by a branch that never needed it; the number stays unused.)
ALTER TABLE translations ADD COLUMN lease_owner TEXT;
ALTER TABLE translations ADD COLUMN lease_until TEXT;
