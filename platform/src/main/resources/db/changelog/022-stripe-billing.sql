--liquibase formatted sql

--changeset consilium:022-billing-customer
-- A patient's Stripe customer and saved card, per programme (no card data: Stripe's ids only).
create table billing_customer (
    tenant_id          varchar(32) not null,
    user_id            text        not null,
    stripe_customer_id text        not null,
    payment_method_id  text,
    card_saved_at      timestamptz,
    created_at         timestamptz not null,
    primary key (tenant_id, user_id)
);
alter table billing_customer enable row level security;
alter table billing_customer force row level security;
create policy billing_customer_tenant_isolation on billing_customer
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on billing_customer to ${appRole};

--changeset consilium:022-billing-employer
-- The company's Stripe customer, invoiced for its employees' cases.
create table billing_employer (
    tenant_id          varchar(32) not null,
    stripe_customer_id text        not null,
    created_at         timestamptz not null,
    primary key (tenant_id)
);
alter table billing_employer enable row level security;
alter table billing_employer force row level security;
create policy billing_employer_tenant_isolation on billing_employer
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on billing_employer to ${appRole};

--changeset consilium:022-billing-invoice
-- The company's invoices (one per case, or one per month).
create table billing_invoice (
    tenant_id         varchar(32)    not null,
    id                uuid           not null,
    period            varchar(40)    not null,
    stripe_invoice_id text,
    number            text,
    status            varchar(16)    not null,
    total             numeric(12, 2),
    currency          varchar(3)     not null,
    hosted_url        text,
    created_at        timestamptz    not null,
    finalized_at      timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, period),
    check (status in ('CREATING', 'OPEN', 'PAID', 'VOID'))
);
alter table billing_invoice enable row level security;
alter table billing_invoice force row level security;
create policy billing_invoice_tenant_isolation on billing_invoice
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on billing_invoice to ${appRole};

--changeset consilium:022-billing-charge
-- Each movement of money for a case: a card charge (the case price, a copay, a processing fee), an
-- item on the employer's invoice, or a refund. One row per case and kind; the idempotency key sent
-- to Stripe is derived from the case, the kind and the attempt, so a retry after a crash can never
-- charge twice.
create table billing_charge (
    tenant_id       varchar(32)    not null,
    case_id         uuid           not null,
    kind            varchar(24)    not null,
    state           varchar(24)    not null,
    attempt         integer        not null default 1,
    amount          numeric(12, 2) not null,
    currency        varchar(3)     not null,
    stripe_id       text,
    checkout_id     text,
    invoice_id      uuid,
    failure_code    text,
    failure_message text,
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    succeeded_at    timestamptz,
    primary key (tenant_id, case_id, kind),
    foreign key (tenant_id, case_id) references medical_case (tenant_id, id),
    foreign key (tenant_id, invoice_id) references billing_invoice (tenant_id, id),
    check (kind in ('PROCESSING_FEE', 'CASE_PRICE', 'COPAY', 'EMPLOYER', 'REFUND')),
    check (state in ('PENDING', 'ACTION_NEEDED', 'SUCCEEDED', 'CANCELLED')),
    check (attempt >= 1),
    check (amount > 0)
);
create index billing_charge_pending on billing_charge (tenant_id, state, updated_at) where state = 'PENDING';
create index billing_charge_by_stripe_id on billing_charge (tenant_id, stripe_id);
alter table billing_charge enable row level security;
alter table billing_charge force row level security;
create policy billing_charge_tenant_isolation on billing_charge
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy billing_charge_assigned_only on billing_charge as restrictive
    using (consilium_case_visible(tenant_id, case_id));
grant select, insert, update on billing_charge to ${appRole};

--changeset consilium:022-billing-item-states
alter table billing_item drop constraint billing_item_state_check;
alter table billing_item add constraint billing_item_state_check
    check (state in ('AWAITING_PAYMENT', 'PAYMENT_ACTION_NEEDED', 'SETTLED', 'CANCELLED'));

--changeset consilium:022-stripe-event
-- Stripe events already handled (webhooks are delivered at least once). Ids and types only.
create table stripe_event (
    id          text        not null primary key,
    type        text        not null,
    received_at timestamptz not null
);
grant select, insert on stripe_event to ${appRole};
