--liquibase formatted sql

--changeset consilium:004-user-account
-- Accounts. Tenant users live in their tenant's partition; operator staff (triage, specialists,
-- approvers, platform admins) in the '_platform' partition. RLS like every tenant table.
create table user_account (
    tenant_id         varchar(32)  not null,
    id                uuid         not null,
    email             varchar(254) not null,
    display_name      varchar(120) not null,
    password_hash     text,
    roles             varchar(200) not null,
    status            varchar(24)  not null check (status in ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED')),
    email_verified_at timestamptz,
    failed_sign_ins   integer      not null default 0,
    locked_until      timestamptz,
    mfa_secret        text,
    mfa_enabled_at    timestamptz,
    mfa_last_step     bigint,
    session_epoch     integer      not null default 0,
    employee_id       varchar(120),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null,
    primary key (tenant_id, id),
    unique (tenant_id, email)
);

-- Single-use links sent by e-mail: only a hash of the token is stored.
create table account_token (
    tenant_id  varchar(32) not null,
    id         uuid        not null,
    user_id    uuid        not null,
    purpose    varchar(24) not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash varchar(64) not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- MFA recovery codes, hashed, each usable once.
create table mfa_recovery_code (
    tenant_id varchar(32) not null,
    user_id   uuid        not null,
    code_hash varchar(64) not null,
    used_at   timestamptz,
    primary key (tenant_id, user_id, code_hash),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- SSO identities: (IdP entity id, NameID) -> account. Never matched by e-mail alone.
create table sso_identity (
    tenant_id     varchar(32) not null,
    idp_entity_id text        not null,
    name_id       text        not null,
    user_id       uuid        not null,
    created_at    timestamptz not null,
    primary key (tenant_id, idp_entity_id, name_id),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- SAML assertions already used, until they expire: a replayed assertion is refused.
create table saml_assertion_seen (
    tenant_id    varchar(32) not null,
    assertion_id text        not null,
    expires_at   timestamptz not null,
    primary key (tenant_id, assertion_id)
);

alter table user_account enable row level security;
alter table user_account force row level security;
create policy user_account_tenant_isolation on user_account
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table account_token enable row level security;
alter table account_token force row level security;
create policy account_token_tenant_isolation on account_token
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table mfa_recovery_code enable row level security;
alter table mfa_recovery_code force row level security;
create policy mfa_recovery_code_tenant_isolation on mfa_recovery_code
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table sso_identity enable row level security;
alter table sso_identity force row level security;
create policy sso_identity_tenant_isolation on sso_identity
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table saml_assertion_seen enable row level security;
alter table saml_assertion_seen force row level security;
create policy saml_assertion_seen_tenant_isolation on saml_assertion_seen
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, update on user_account to ${appRole};
grant select, insert, update on account_token to ${appRole};
grant select, insert, update, delete on mfa_recovery_code to ${appRole};
grant select, insert on sso_identity to ${appRole};
grant select, insert, delete on saml_assertion_seen to ${appRole};
