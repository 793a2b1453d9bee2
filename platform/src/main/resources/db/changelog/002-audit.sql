--liquibase formatted sql

--changeset consilium:002-audit-event
-- Append-only, hash-chained audit log. One chain per tenant partition ('_platform' for operator-level
-- events); seq is gapless within a partition, so a deleted row breaks the chain visibly.
create table audit_event (
    tenant_id    varchar(32) not null,
    seq          bigint      not null,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       varchar(64) not null,
    subject_type varchar(40),
    subject_id   text,
    source_ip    text,
    user_agent   text,
    details      text,
    prev_hash    char(64)    not null,
    hash         char(64)    not null,
    primary key (tenant_id, seq)
);
create index audit_event_subject on audit_event (tenant_id, subject_type, subject_id);

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_tenant_isolation on audit_event
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Insert and read only: the application cannot rewrite history.
grant select, insert on audit_event to ${appRole};

--changeset consilium:002-audit-append-only splitStatements:false
-- Even the owner cannot update or delete through normal SQL; tampering requires disabling this trigger,
-- and the hash chain still shows it.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
