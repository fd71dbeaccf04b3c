-- Accounts database: one database per service, each owned by its own role.
CREATE ROLE auth LOGIN PASSWORD 'auth-dev-password';
CREATE ROLE users LOGIN;
CREATE ROLE audit LOGIN;
CREATE DATABASE auth OWNER auth;
CREATE DATABASE users OWNER users;
CREATE DATABASE audit OWNER audit;
