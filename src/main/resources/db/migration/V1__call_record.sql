-- One row per call once it is over: times, outcome and counts. Never what was said.
create table call_record (
    id              uuid         primary key,
    avatar_id       varchar(64)  not null,
    language        varchar(16)  not null,
    provider        varchar(32)  not null,
    ringing_at      timestamp(3) with time zone not null,
    answered_at     timestamp(3) with time zone,
    active_at       timestamp(3) with time zone,
    ended_at        timestamp(3) with time zone,
    outcome         varchar(16)  not null,
    end_reason      varchar(32),
    person_messages integer      not null default 0,
    avatar_messages integer      not null default 0
);

create index call_record_ringing_at on call_record (ringing_at);
