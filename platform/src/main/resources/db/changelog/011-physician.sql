--liquibase formatted sql

--changeset consilium:011-physician
-- The local doctor: invitations (only a hash of the single-use token is stored), the doctor's
-- professional profile, and their part of the case (history, working diagnosis, questions).
create table physician_invitation (
    tenant_id      varchar(32)  not null,
    id             uuid         not null,
    case_id        uuid         not null,
    case_reference varchar(16)  not null,
    token_hash     varchar(64)  not null,
    doctor_name    varchar(120) not null,
    doctor_email   varchar(254) not null,
    practice       varchar(200) not null,
    invited_by     varchar(64)  not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    revoked_at     timestamptz,
    accepted_at    timestamptz,
    accepted_by    varchar(64),
    primary key (tenant_id, id),
    unique (tenant_id, token_hash),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);
create index physician_invitation_by_case on physician_invitation (tenant_id, case_id, created_at);
create index physician_invitation_by_doctor on physician_invitation (tenant_id, accepted_by);

create table physician_profile (
    tenant_id      varchar(32)  not null,
    user_id        varchar(64)  not null,
    licence_number varchar(64)  not null,
    specialty      varchar(120) not null,
    practice       varchar(200) not null,
    phone          varchar(40)  not null,
    fax            varchar(40),
    updated_at     timestamptz  not null,
    primary key (tenant_id, user_id)
);

create table physician_report (
    tenant_id         varchar(32)  not null,
    case_id           uuid         not null,
    physician_user_id varchar(64)  not null,
    history           text,
    diagnosis         text,
    questions         jsonb        not null default '[]',
    completed_at      timestamptz,
    updated_at        timestamptz  not null,
    version           bigint       not null,
    primary key (tenant_id, case_id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id)
);

alter table physician_invitation enable row level security;
alter table physician_invitation force row level security;
create policy physician_invitation_tenant_isolation on physician_invitation
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on physician_invitation to ${appRole};

alter table physician_profile enable row level security;
alter table physician_profile force row level security;
create policy physician_profile_tenant_isolation on physician_profile
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on physician_profile to ${appRole};

alter table physician_report enable row level security;
alter table physician_report force row level security;
create policy physician_report_tenant_isolation on physician_report
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on physician_report to ${appRole};
