-- Telegram: people who started the bot, updates already handled, calls the bot places, and db-scheduler's tasks.
-- The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.

-- Who started the bot: to greet them in their language and to ring them. The id is also their private chat's id.
create table telegram_user (
    id            bigint       primary key,
    first_name    varchar(256) not null,
    last_name     varchar(256),
    username      varchar(64),
    language_code varchar(16),
    language      varchar(8),
    avatar_id     varchar(64),
    time_zone     varchar(64),
    started_at    timestamp(3) with time zone,
    blocked_at    timestamp(3) with time zone,
    updated_at    timestamp(3) with time zone not null
);

-- Every update handled, so that a webhook retry or a second instance never handles one twice. Kept two days
-- (Telegram keeps undelivered updates one).
create table telegram_update (
    update_id   bigint       primary key,
    received_at timestamp(3) with time zone not null
);

create index telegram_update_received_at on telegram_update (received_at);

-- A call the bot places: once, or daily or weekly at the same time on the person's own clock.
create table telegram_call_schedule (
    id               uuid          primary key,
    telegram_user_id bigint        not null references telegram_user (id),
    avatar_id        varchar(64)   not null,
    mode             varchar(16)   not null,
    opening          varchar(1000) not null,
    recurrence       varchar(16)   not null,
    local_start      timestamp(0)  not null,
    time_zone        varchar(64)   not null,
    next_at          timestamp(3) with time zone,
    created_at       timestamp(3) with time zone not null,
    cancelled_at     timestamp(3) with time zone
);

create index telegram_call_schedule_user on telegram_call_schedule (telegram_user_id);

-- One ring of a schedule: at most one per due time, whichever instance gets there first.
create table telegram_call_ring (
    id               uuid        primary key,
    schedule_id      uuid        not null references telegram_call_schedule (id),
    due_at           timestamp(3) with time zone not null,
    telegram_user_id bigint      not null,
    status           varchar(16) not null,
    message_id       integer,
    sent_at          timestamp(3) with time zone,
    expires_at       timestamp(3) with time zone,
    answered_at      timestamp(3) with time zone,
    constraint telegram_call_ring_once unique (schedule_id, due_at)
);

-- db-scheduler's table (its PostgreSQL schema, with lengths H2 can index).
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(250) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
