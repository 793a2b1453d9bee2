--liquibase formatted sql

--changeset consilium:010-records
-- Each tenant's data key for records at rest, wrapped (AES-GCM) by the installation's master key.
create table record_data_key (
    tenant_id   varchar(32) not null,
    wrapped_key text        not null,
    created_at  timestamptz not null,
    primary key (tenant_id),
    foreign key (tenant_id) references tenant (tenant_id)
);

-- A stored record of a case: what it is, who sent it, its checksum; the bytes live encrypted in the record store.
create table case_record (
    tenant_id              varchar(32)  not null,
    id                     uuid         not null,
    case_id                uuid         not null,
    kind                   varchar(20)  not null check (kind in ('MEDICAL_RECORD', 'PATHOLOGY', 'RADIOLOGY')),
    source                 varchar(20)  not null check (source in ('PATIENT', 'DOCTOR', 'STAFF', 'RETRIEVAL_PARTNER')),
    file_name              varchar(200) not null,
    media_type             varchar(40)  not null,
    size_bytes             bigint       not null check (size_bytes > 0),
    sha256                 varchar(64)  not null,
    pages                  integer,
    image_count            integer,
    dicom_modality         varchar(16),
    dicom_study_date       date,
    dicom_study_description varchar(64),
    language               varchar(8)   not null,
    translation_needed     boolean      not null,
    translated_at          timestamptz,
    translated_by          varchar(64),
    storage_key            varchar(200) not null,
    uploaded_by            varchar(64)  not null,
    uploaded_by_name       varchar(200) not null,
    uploaded_at            timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);
create index case_record_by_case on case_record (tenant_id, case_id, uploaded_at);
create index case_record_translation on case_record (tenant_id, translation_needed) where translated_at is null;

alter table record_data_key enable row level security;
alter table record_data_key force row level security;
create policy record_data_key_tenant_isolation on record_data_key
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table case_record enable row level security;
alter table case_record force row level security;
create policy case_record_tenant_isolation on case_record
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on record_data_key to ${appRole};
grant select, insert, update, delete on case_record to ${appRole};
