--liquibase formatted sql

--changeset consilium:016-case-due-date
-- The day the opinion is due, fixed at submission from the programme's turnaround (business days),
-- so a later change of the programme's turnaround does not move a running case's date.
alter table medical_case add column due_on date;
create index medical_case_by_due on medical_case (tenant_id, due_on);
