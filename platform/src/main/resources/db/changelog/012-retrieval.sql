--liquibase formatted sql

--changeset consilium:012-retrieval
-- Records-retrieval requests: what the patient authorised (facilities, records, their typed-name
-- signature under the text they read), where the request stands, and the letter link the
-- partner was e-mailed (only its SHA-256 is kept).
create table retrieval_request (
    tenant_id             varchar(32)  not null,
    id                    uuid         not null,
    case_id               uuid         not null,
    case_reference        varchar(16)  not null,
    facilities            jsonb        not null,
    record_kinds          jsonb        not null,
    details               varchar(1000),
    patient_name          varchar(200) not null,
    patient_birth_date    date,
    authorisation_text    text         not null,
    authorisation_version varchar(40)  not null,
    signed_name           varchar(120) not null,
    signed_at             timestamptz  not null,
    signed_by             varchar(64)  not null,
    status                varchar(24)  not null check (status in ('REQUESTED', 'SENT_TO_PARTNER', 'IN_PROGRESS',
                              'RECEIVED_PARTIAL', 'COMPLETED', 'FAILED')),
    status_note           varchar(500),
    status_changed_at     timestamptz  not null,
    status_changed_by     varchar(64)  not null,
    letter_token_hash     varchar(64)  not null,
    letter_expires_at     timestamptz  not null,
    letter_viewed_at      timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, letter_token_hash),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);
create index retrieval_request_by_case on retrieval_request (tenant_id, case_id, signed_at);

alter table retrieval_request enable row level security;
alter table retrieval_request force row level security;
create policy retrieval_request_tenant_isolation on retrieval_request
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on retrieval_request to ${appRole};
