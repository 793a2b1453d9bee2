--liquibase formatted sql

--changeset consilium:023-timeline-order
-- Entries of the same instant keep the order they were written in.
alter table case_timeline add column seq bigint generated always as identity;
