--liquibase formatted sql

--changeset consilium:015-specialist-profile
-- What triage needs of a specialist beyond the card: sub-specialties, where they are licensed, how
-- many active cases they take, when they are away. Platform data like the rest of the directory.
alter table specialist add column sub_specialties varchar(80)[] not null default '{}';
alter table specialist add column jurisdictions varchar(8)[] not null default '{}';
alter table specialist add column max_active_cases integer not null default 10
    check (max_active_cases between 1 and 100);

create table specialist_absence (
    id            uuid        primary key,
    specialist_id varchar(64) not null references specialist (specialist_id),
    starts_on     date        not null,
    ends_on       date        not null,
    note          varchar(200),
    check (ends_on >= starts_on)
);
create index specialist_absence_by_specialist on specialist_absence (specialist_id, starts_on);

grant select, insert, delete on specialist_absence to ${appRole};
