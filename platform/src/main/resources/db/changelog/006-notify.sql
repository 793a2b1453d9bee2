--liquibase formatted sql

--changeset consilium:006-scheduled-tasks
-- db-scheduler's table (its PostgreSQL schema): cluster-safe background jobs.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${appRole};

--changeset consilium:006-notification-outbox
-- The transactional outbox: a message is written in the transaction of the change that causes it.
create table notification_outbox (
    tenant_id         varchar(32)  not null,
    id                uuid         not null,
    kind              varchar(40)  not null,
    recipient_email   varchar(254) not null,
    recipient_name    varchar(120),
    recipient_user_id varchar(64),
    locale            varchar(8)   not null,
    link              text         not null,
    message_id        varchar(200) not null,
    status            varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null,
    last_error        text,
    created_at        timestamptz  not null,
    sent_at           timestamptz,
    version           bigint       not null,
    primary key (tenant_id, id),
    unique (tenant_id, message_id)
);
alter table notification_outbox enable row level security;
alter table notification_outbox force row level security;
create policy notification_outbox_tenant_isolation on notification_outbox
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on notification_outbox to ${appRole};

-- What the dispatcher works through, across tenants: ids and due times only, never content. It reads
-- this queue without a tenant and then handles each message inside its own tenant's partition.
create table outbox_queue (
    tenant_id  varchar(32) not null,
    message_id uuid        not null,
    state      varchar(16) not null check (state in ('DUE', 'FAILED')),
    due_at     timestamptz not null,
    primary key (tenant_id, message_id)
);
create index outbox_queue_due on outbox_queue (state, due_at);
grant select, insert, update, delete on outbox_queue to ${appRole};

--changeset consilium:006-in-app-notification
-- In-app notices: the same events as the e-mails, per user.
create table notification (
    tenant_id  varchar(32) not null,
    id         uuid        not null,
    user_id    varchar(64) not null,
    kind       varchar(40) not null,
    link       text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    primary key (tenant_id, id)
);
create index notification_by_user on notification (tenant_id, user_id, created_at desc);
alter table notification enable row level security;
alter table notification force row level security;
create policy notification_tenant_isolation on notification
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on notification to ${appRole};
