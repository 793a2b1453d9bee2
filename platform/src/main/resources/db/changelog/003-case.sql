--liquibase formatted sql

--changeset consilium:003-medical-case
-- The case: the first tenant-owned aggregate. tenant_id leads the primary key and every index,
-- so the table can be distributed by tenant (Citus) without changing a key.
create table medical_case (
    tenant_id    varchar(32) not null references tenant (tenant_id),
    id           uuid        not null,
    reference    varchar(16) not null,
    status       varchar(32) not null,
    specialty    varchar(40) not null,
    question     text        not null,
    patient_id   text        not null,
    patient_name text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null,
    primary key (tenant_id, id),
    unique (tenant_id, reference)
);
create index medical_case_by_created on medical_case (tenant_id, created_at desc, id);
create index medical_case_by_patient on medical_case (tenant_id, patient_id, created_at desc);

alter table medical_case enable row level security;
alter table medical_case force row level security;
create policy medical_case_tenant_isolation on medical_case
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, update, delete on medical_case to ${appRole};
