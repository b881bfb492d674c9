-- What analytics needs of each call, beyond times and outcome. Figures only: never what was said.
-- The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL; rows kept before this have the defaults.

-- How long avatar sessions were open for the call, pre-warm included: what the vendor bills.
alter table call_record add column provider_ms bigint not null default 0;
-- The person's messages by how they were sent.
alter table call_record add column voice_messages integer not null default 0;
alter table call_record add column text_messages integer not null default 0;
-- Replies the person waited for, and how long: from their message to the avatar's first word.
alter table call_record add column turns integer not null default 0;
alter table call_record add column turn_latency_median_ms integer;
alter table call_record add column turn_latency_avg_ms integer;
-- From the question to the responder's (language model's) first sentence, on average.
alter table call_record add column llm_latency_avg_ms integer;
-- How long the provider took to open the session the call used.
alter table call_record add column session_open_ms integer;
-- Whether a session was opened while ringing, and whether the call went live on it (null: no pre-warm).
alter table call_record add column prewarmed boolean not null default false;
alter table call_record add column prewarm_used boolean;
-- Provider and responder failures during the call.
alter table call_record add column errors integer not null default 0;
