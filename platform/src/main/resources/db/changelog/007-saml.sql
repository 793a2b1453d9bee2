--liquibase formatted sql

--changeset consilium:007-saml-authn-request
-- SAML sign-ins we started and are waiting for, keyed by RelayState. Not in the HTTP session: the
-- identity provider's POST back to us is cross-site, so browsers do not send our SameSite=Lax
-- session cookie with it, and with several nodes it may reach another node. Used once; expires.
create table saml_authn_request (
    tenant_id       varchar(32)  not null,
    relay_state     varchar(128) not null,
    request_id      varchar(128) not null,
    registration_id varchar(64)  not null,
    binding         varchar(16)  not null check (binding in ('REDIRECT', 'POST')),
    saml_request    text         not null,
    request_uri     text         not null,
    expires_at      timestamptz  not null,
    primary key (tenant_id, relay_state)
);
create index saml_authn_request_expiry on saml_authn_request (tenant_id, expires_at);

-- Expired assertions are deleted per tenant at each sign-in.
create index saml_assertion_seen_expiry on saml_assertion_seen (tenant_id, expires_at);

alter table saml_authn_request enable row level security;
alter table saml_authn_request force row level security;
create policy saml_authn_request_tenant_isolation on saml_authn_request
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, delete on saml_authn_request to ${appRole};
