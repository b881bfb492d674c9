-- Branding: one look for the whole app (the row with id 1), the operator's words for some call-screen texts, and
-- their logo, re-encoded to PNG by the server. The row's values are the app's own look (Branding.DEFAULT), so nothing
-- changes until an operator edits it. Plain types only: the same script runs on H2 (PostgreSQL mode) and PostgreSQL.

create table branding (
    id              smallint     primary key,
    accent          varchar(7)   not null,
    background_from varchar(7)   not null,
    background_to   varchar(7)   not null,
    scheme          varchar(16)  not null,
    portrait        varchar(16)  not null,
    chat            varchar(16)  not null,
    captions        boolean      not null,
    ringtone        varchar(16)  not null,
    ring_volume     integer      not null,
    animations      boolean      not null,
    updated_at      timestamp(3) with time zone,
    updated_by      varchar(128),
    constraint branding_one_row check (id = 1)
);

insert into branding (id, accent, background_from, background_to, scheme, portrait, chat, captions, ringtone,
                      ring_volume, animations)
values (1, '#6366f1', '#0f172a', '#353b84', 'TELEGRAM', 'CIRCLE', 'SIDE', true, 'CLASSIC', 50, true);

create table branding_text (
    language varchar(8)  not null,
    text_key varchar(32) not null,
    text     varchar(240) not null,
    primary key (language, text_key)
);

create table branding_logo (
    id          smallint     primary key,
    png         bytea        not null,
    version     varchar(32)  not null,
    uploaded_at timestamp(3) with time zone not null,
    constraint branding_logo_one_row check (id = 1)
);
