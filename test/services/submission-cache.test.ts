/**
 * What a submission reads of its survey is cached per process: a change made in the same process
 * is seen by the next submission, a change made by another process within HEAD_TTL_MS.
 */
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import { createLink, setLinkClosed } from "../../src/services/links.js";
import { submitResponse } from "../../src/services/responses.js";
import { HEAD_TTL_MS } from "../../src/services/submission-cache.js";
import { updateSurveyLife } from "../../src/services/survey-life.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase } from "../helpers/database.js";

const checkers = new AnswerCheckers();
const answers = { level: "市", main_problems: ["经费不足"] };
const submit = (database: Database, extra: { link?: string } = {}) => submitResponse(database.db, checkers, "cached", { id: crypto.randomUUID(), data: answers, ...extra });

describe("in one process", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await publishSurvey(database.db, "cached", small);
  }, 60_000);
  afterAll(async () => database.close());

  it("sees a closed survey, a new version and a closed link at the next submission", async () => {
    const link = await createLink(database.db, "cached", { unit: "朝阳区" });
    expect((await submit(database, { link: link.code })).version).toBe(1);
    await publishSurvey(database.db, "cached", { ...small, title: "第二版" });
    expect((await submit(database)).version).toBe(2);
    await setLinkClosed(database.db, "cached", link.code, true);
    await expect(submit(database, { link: link.code })).rejects.toMatchObject({ code: "unprocessable" });
    await updateSurveyLife(database.db, "cached", { status: "closed" });
    await expect(submit(database)).rejects.toMatchObject({ code: "forbidden" });
  });
});

// Two processes share only the database: here two connections to one PostgreSQL database.
describe.runIf(process.env.DATABASE_URL)("across processes", () => {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const url = new URL(process.env.DATABASE_URL ?? "postgres://x/y");
  url.pathname = `/${name}`;
  let admin: postgres.Sql;
  let one: Database;
  let two: Database;
  beforeAll(async () => {
    admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    one = await openDatabase({ url: url.toString() });
    two = await openDatabase({ url: url.toString() });
    await publishSurvey(one.db, "cached", small);
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("sees another process's closing within the time it trusts its cache", async () => {
    await submit(two);
    await updateSurveyLife(one.db, "cached", { status: "closed" });
    const closedAt = Date.now();
    let refusedAfter = -1;
    while (Date.now() - closedAt < HEAD_TTL_MS * 3) {
      try {
        await submit(two);
      } catch (error) {
        expect(error).toMatchObject({ code: "forbidden" });
        refusedAfter = Date.now() - closedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThanOrEqual(HEAD_TTL_MS + 200);
  });
});
