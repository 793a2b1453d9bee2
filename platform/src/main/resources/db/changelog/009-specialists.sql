--liquibase formatted sql

--changeset consilium:009-specialist-directory
-- The operator's specialists and the pools that group them. Platform data shared by every
-- tenant (tenants name pools in their configuration), so no row-level security; in Citus these
-- are reference tables. No patient data.
create table specialist (
    specialist_id varchar(64)   primary key,
    display_name  varchar(200)  not null,
    credentials   varchar(120)  not null default '',
    institution   varchar(200)  not null default '',
    specialties   varchar(40)[] not null,
    languages     varchar(8)[]  not null,
    active        boolean       not null default true,
    updated_at    timestamptz   not null default now()
);
create index specialist_by_specialty on specialist using gin (specialties);

create table specialist_pool (
    pool_id      varchar(64)  primary key,
    display_name varchar(200) not null
);

create table specialist_pool_member (
    pool_id       varchar(64) not null references specialist_pool (pool_id),
    specialist_id varchar(64) not null references specialist (specialist_id),
    primary key (pool_id, specialist_id)
);
create index specialist_pool_member_by_specialist on specialist_pool_member (specialist_id);

grant select, insert, update on specialist, specialist_pool to ${appRole};
grant select, insert, delete on specialist_pool_member to ${appRole};
