--liquibase formatted sql

--changeset consilium:017-case-escalation
-- The worst turnaround standing coordinators have been told about (AT_RISK, OVERDUE), so the daily
-- job tells them once per step.
alter table medical_case add column escalated_standing varchar(16)
    check (escalated_standing in ('AT_RISK', 'OVERDUE'));
