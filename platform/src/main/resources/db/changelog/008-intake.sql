--liquibase formatted sql

--changeset consilium:008-case-request
-- The case request: what the patient asks and tells, the doctor taking part, the life of the case.
alter table medical_case add column questions jsonb not null default '[]';
alter table medical_case add column intake_answers jsonb not null default '{}';
alter table medical_case add column symptoms text;
alter table medical_case add column history text;
alter table medical_case add column medications text;
alter table medical_case add column allergies text;
alter table medical_case add column prior_treatment text;
alter table medical_case add column requested_specialist varchar(64);
alter table medical_case add column physician_user_id varchar(64);
alter table medical_case add column submitted_at timestamptz;
alter table medical_case add column config_version integer;
alter table medical_case alter column question drop not null;
create index medical_case_by_physician on medical_case (tenant_id, physician_user_id);

-- Consents as signed: the text as shown, its version, the typed name, when.
create table case_consent (
    tenant_id       varchar(32)  not null,
    case_id         uuid         not null,
    consent_id      varchar(64)  not null,
    consent_version varchar(40)  not null,
    consent_text    text         not null,
    signed_name     varchar(120) not null,
    signed_at       timestamptz  not null,
    signed_by       varchar(64)  not null,
    primary key (tenant_id, case_id, consent_id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);

-- Everything that happened to a case, for its timeline (and its staff).
create table case_timeline (
    tenant_id   varchar(32) not null,
    id          uuid        not null,
    case_id     uuid        not null,
    occurred_at timestamptz not null,
    actor       text        not null,
    what        varchar(64) not null,
    args        jsonb       not null default '{}',
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);
create index case_timeline_by_case on case_timeline (tenant_id, case_id, occurred_at);

-- A patient's demographics, per tenant account.
create table patient_profile (
    tenant_id          varchar(32)  not null,
    user_id            varchar(64)  not null,
    legal_name         varchar(200) not null,
    date_of_birth      date         not null,
    sex                varchar(16)  not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
    address_line       varchar(200) not null,
    city               varchar(100) not null,
    region             varchar(100),
    postal_code        varchar(20),
    country            varchar(2)   not null,
    phone              varchar(40)  not null,
    preferred_language varchar(8)   not null,
    employee_id        varchar(120),
    updated_at         timestamptz  not null,
    primary key (tenant_id, user_id)
);

-- Who an employer covers (census eligibility), as uploaded by the tenant.
create table census_entry (
    tenant_id     varchar(32)  not null,
    employee_id   varchar(120) not null,
    last_name     varchar(120) not null,
    date_of_birth date         not null,
    primary key (tenant_id, employee_id)
);

alter table case_consent enable row level security;
alter table case_consent force row level security;
create policy case_consent_tenant_isolation on case_consent
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table case_timeline enable row level security;
alter table case_timeline force row level security;
create policy case_timeline_tenant_isolation on case_timeline
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table patient_profile enable row level security;
alter table patient_profile force row level security;
create policy patient_profile_tenant_isolation on patient_profile
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table census_entry enable row level security;
alter table census_entry force row level security;
create policy census_entry_tenant_isolation on census_entry
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on case_consent to ${appRole};
grant select, insert on case_timeline to ${appRole};
grant select, insert, update on patient_profile to ${appRole};
grant select, insert, update, delete on census_entry to ${appRole};
