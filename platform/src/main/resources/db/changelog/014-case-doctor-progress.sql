--liquibase formatted sql

--changeset consilium:014-case-doctor-progress
-- Where the local doctor is in their part, for the patient's case page: invited (to whom, when),
-- joined (physician_user_id), completed.
alter table medical_case add column physician_invited_name varchar(200);
alter table medical_case add column physician_invited_at timestamptz;
alter table medical_case add column physician_completed_at timestamptz;
