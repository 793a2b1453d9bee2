--liquibase formatted sql

--changeset consilium:020-reread
-- A re-read's concordance with the original report (AGREES, MINOR_DISCREPANCY, MAJOR_DISCREPANCY):
-- the longest value has 17 characters, more than 018 allowed.
alter table reread alter column concordance type varchar(24);
alter table reread add constraint reread_concordance
    check (concordance in ('AGREES', 'MINOR_DISCREPANCY', 'MAJOR_DISCREPANCY'));
