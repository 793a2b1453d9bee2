--liquibase formatted sql

--changeset consilium:018-review splitStatements:false
-- Triage, review, approval and delivery (decision 015). Operator staff and specialists work on
-- tenant data inside the case's tenant partition, like everyone else; on top of the tenant
-- policy, a restrictive policy limits a transaction whose server-set app.actor_id is not empty (a
-- specialist or approver) to the cases it holds an open assignment for.

-- The operator account a directory entry signs in as; a specialist without one cannot be assigned.
alter table specialist add column account_id varchar(64) unique;

-- Who works on a case, for which task: the review, a second read, the approval, a re-read.
create table case_assignment (
    tenant_id     varchar(32)  not null,
    id            uuid         not null,
    case_id       uuid         not null,
    task          varchar(24)  not null,
    reread_id     uuid,
    specialist_id varchar(64),
    actor_id      varchar(64)  not null,
    actor_name    varchar(200) not null,
    state         varchar(16)  not null,
    reason        text         not null,
    assigned_by   text         not null,
    assigned_at   timestamptz  not null,
    ended_at      timestamptz,
    end_reason    text,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id),
    check (state in ('ASSIGNED', 'ACCEPTED', 'DONE', 'DECLINED', 'ENDED'))
);
create index case_assignment_by_actor on case_assignment (tenant_id, actor_id, state);
create index case_assignment_by_case on case_assignment (tenant_id, case_id, task);
-- At most one open assignment per task (and re-read) of a case.
create unique index case_assignment_one_open on case_assignment
    (tenant_id, case_id, task, coalesce(reread_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where state in ('ASSIGNED', 'ACCEPTED');

-- Whether the current transaction may see the case: always, unless the server set an actor whose
-- view is limited to the cases they hold an open assignment for.
create function consilium_case_visible(p_tenant varchar, p_case uuid) returns boolean
language sql stable as $$
    select coalesce(current_setting('app.actor_id', true), '') = ''
        or exists (select 1 from case_assignment a
                   where a.tenant_id = p_tenant and a.case_id = p_case
                     and a.actor_id = current_setting('app.actor_id', true)
                     and a.state in ('ASSIGNED', 'ACCEPTED'))
$$;

-- The opinion, every version kept: a draft is saved as the specialist types; each submission
-- freezes a version; a return opens the next one.
create table opinion_version (
    tenant_id    varchar(32)  not null,
    case_id      uuid         not null,
    version      integer      not null,
    state        varchar(16)  not null,
    author_id    varchar(64)  not null,
    author_name  varchar(200) not null,
    content      jsonb        not null,
    saved_at     timestamptz  not null,
    submitted_at timestamptz,
    primary key (tenant_id, case_id, version),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id),
    check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'))
);

-- Second reads and approvals of a submitted version, with their comments.
create table opinion_review (
    tenant_id     varchar(32)  not null,
    id            uuid         not null,
    case_id       uuid         not null,
    version       integer      not null,
    kind          varchar(16)  not null,
    outcome       varchar(16)  not null,
    comment       text,
    reviewer_id   varchar(64)  not null,
    reviewer_name varchar(200) not null,
    reviewed_at   timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id, version) references opinion_version (tenant_id, case_id, version)
);
create index opinion_review_by_case on opinion_review (tenant_id, case_id, reviewed_at);

-- Radiology and pathology re-reads of a case, each with its short structured report.
create table reread (
    tenant_id         varchar(32)  not null,
    id                uuid         not null,
    case_id           uuid         not null,
    kind              varchar(16)  not null,
    state             varchar(16)  not null,
    note              text         not null,
    requested_by_name text         not null,
    requested_at      timestamptz  not null,
    findings          text,
    impression        text,
    concordance       varchar(16),
    reported_by_name  varchar(200),
    reported_at       timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id),
    check (kind in ('RADIOLOGY', 'PATHOLOGY')),
    check (state in ('REQUESTED', 'ASSIGNED', 'DONE', 'CANCELLED'))
);
create index reread_by_case on reread (tenant_id, case_id);

-- The published opinion: which version, to whom, and when the doctor and patient first opened it.
create table opinion_delivery (
    tenant_id                 varchar(32) not null,
    case_id                   uuid        not null,
    version                   integer     not null,
    audience                  varchar(24) not null,
    published_at              timestamptz not null,
    physician_first_opened_at timestamptz,
    patient_told_at           timestamptz,
    patient_first_opened_at   timestamptz,
    primary key (tenant_id, case_id),
    foreign key (tenant_id, case_id, version) references opinion_version (tenant_id, case_id, version)
);

-- The two conditions of closing: the opinion reached its first reader; billing has nothing left to
-- do for the case (raised by the billing module).
alter table medical_case add column delivered_at timestamptz;
alter table medical_case add column billing_settled_at timestamptz;

do $$
declare
    t text;
begin
    foreach t in array array['case_assignment', 'opinion_version', 'opinion_review', 'reread', 'opinion_delivery'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = current_setting(''app.tenant_id'', true)) '
            || 'with check (tenant_id = current_setting(''app.tenant_id'', true))', t || '_tenant_isolation', t);
    end loop;
    -- Case data: a limited actor sees only cases assigned to them.
    foreach t in array array['case_consent', 'case_timeline', 'case_record', 'physician_invitation',
            'physician_report', 'retrieval_request', 'case_material', 'opinion_version', 'opinion_review',
            'reread', 'opinion_delivery'] loop
        execute format('create policy %I on %I as restrictive using (consilium_case_visible(tenant_id, case_id))',
            t || '_assigned_only', t);
    end loop;
end
$$;
create policy medical_case_assigned_only on medical_case as restrictive
    using (consilium_case_visible(tenant_id, id));
-- A limited actor sees and changes only their own assignments, and may create one only on a case
-- they can see (an approval follows the specialist's submission).
create policy case_assignment_own_only on case_assignment as restrictive for select
    using (coalesce(current_setting('app.actor_id', true), '') = '' or actor_id = current_setting('app.actor_id', true));
create policy case_assignment_own_update on case_assignment as restrictive for update
    using (coalesce(current_setting('app.actor_id', true), '') = '' or actor_id = current_setting('app.actor_id', true));
create policy case_assignment_insert on case_assignment as restrictive for insert
    with check (consilium_case_visible(tenant_id, case_id));

grant select, insert, update on case_assignment, opinion_version, reread, opinion_delivery to ${appRole};
grant select, insert on opinion_review to ${appRole};
