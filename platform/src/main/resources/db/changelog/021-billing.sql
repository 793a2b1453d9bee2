--liquibase formatted sql

--changeset consilium:021-billing
-- What a published case owes under its programme's billing policy, and how it was settled.
create table billing_item (
    tenant_id     varchar(32)    not null,
    case_id       uuid           not null,
    state         varchar(24)    not null,
    payer         varchar(24)    not null,
    amount        numeric(12, 2) not null,
    currency      varchar(3)     not null,
    created_at    timestamptz    not null,
    settled_at    timestamptz,
    settled_by    text,
    settle_reason text,
    primary key (tenant_id, case_id),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id),
    check (state in ('AWAITING_PAYMENT', 'SETTLED'))
);
create index billing_item_by_state on billing_item (tenant_id, state, created_at);

alter table billing_item enable row level security;
alter table billing_item force row level security;
create policy billing_item_tenant_isolation on billing_item
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy billing_item_assigned_only on billing_item as restrictive
    using (consilium_case_visible(tenant_id, case_id));

grant select, insert, update on billing_item to ${appRole};
