--liquibase formatted sql

--changeset consilium:026-tenant-signed-out-at
-- Set when a platform admin suspends a programme: every session and API token of the programme
-- made before it is void, on every node, even after the programme is reactivated (decision 022).
alter table tenant add column signed_out_at timestamptz;

--changeset consilium:026-account-invitation-token
-- A programme's first admin is invited by e-mail with a link to choose a password.
alter table account_token drop constraint account_token_purpose_check;
alter table account_token add constraint account_token_purpose_check
    check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'INVITATION'));
