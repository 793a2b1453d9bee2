--liquibase formatted sql

--changeset consilium:013-case-materials
-- The materials list: what records and images the doctor (or patient) said will come, and how;
-- staff tick items off as they arrive.
create table case_material (
    tenant_id    varchar(32)  not null,
    id           uuid         not null,
    case_id      uuid         not null,
    position     integer      not null,
    description  varchar(300) not null,
    kind         varchar(16)  not null check (kind in ('MEDICAL_RECORD', 'PATHOLOGY', 'RADIOLOGY')),
    channel      varchar(8)   not null check (channel in ('UPLOAD', 'EMAIL', 'FAX', 'MAIL')),
    declared_by  varchar(64)  not null,
    declared_at  timestamptz  not null,
    received_at  timestamptz,
    received_by  varchar(64),
    note         varchar(500),
    record_id    uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);
create index case_material_by_case on case_material (tenant_id, case_id, position);

alter table case_material enable row level security;
alter table case_material force row level security;
create policy case_material_tenant_isolation on case_material
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on case_material to ${appRole};
