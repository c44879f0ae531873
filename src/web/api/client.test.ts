import { describe, expect, it } from "vitest";
import { ApiError, createApiClient, problemToError } from "./client.ts";

describe("problemToError", () => {
  it("keeps the code, detail, field errors and request id of a problem", () => {
    const error = problemToError(400, {
      type: "about:blank",
      title: "Bad Request",
      status: 400,
      code: "validation_failed",
      detail: "Data yang dikirim tidak valid.",
      requestId: "r1",
      errors: [{ field: "params.code", code: "region_code_invalid", message: "Kode wilayah salah." }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.detail).toBe("Data yang dikirim tidak valid.");
    expect(error.message).toBe("Data yang dikirim tidak valid.");
    expect(error.requestId).toBe("r1");
    expect(error.errors).toEqual([
      { field: "params.code", code: "region_code_invalid", message: "Kode wilayah salah." },
    ]);
    expect(error.isClientError).toBe(true);
  });

  it("treats a body that is not a problem as an unexpected response", () => {
    for (const body of [undefined, null, "<html>Bad gateway</html>", [1, 2], { message: "x" }]) {
      const error = problemToError(502, body);
      expect(error.status).toBe(502);
      expect(error.code).toBe("unexpected_response");
      expect(error.detail).toBe("");
      expect(error.errors).toEqual([]);
      expect(error.isClientError).toBe(false);
    }
  });

  it("drops malformed field errors' extra parts instead of failing", () => {
    const error = problemToError(400, {
      code: "validation_failed",
      detail: "x",
      errors: [null, { field: 3 }],
    });
    expect(error.errors).toEqual([{ field: "3", code: "", message: "" }]);
  });
});

describe("createApiClient", () => {
  function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit }) {
    return async (url: RequestInfo | URL, init?: RequestInit) => {
      seen.url = String(url);
      seen.init = init;
      return new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
      });
    };
  }

  it("asks in the current language, with same-origin credentials", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    let language: "id" | "en" = "id";
    const client = createApiClient({ language: () => language, fetch: fakeFetch(200, { items: [] }, seen) });
    await expect(client.get("/regions")).resolves.toEqual({ items: [] });
    expect(seen.url).toBe("/api/v1/regions");
    expect(seen.init?.credentials).toBe("same-origin");
    expect(new Headers(seen.init?.headers).get("accept-language")).toBe("id");
    language = "en";
    await client.get("/regions");
    expect(new Headers(seen.init?.headers).get("accept-language")).toBe("en");
  });

  it("throws the API's problem as an ApiError", async () => {
    const client = createApiClient({
      language: () => "en",
      fetch: fakeFetch(404, { status: 404, code: "not_found", detail: "Region 9999 was not found." }, {}),
    });
    const error = await client.get("/regions/9999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "not_found", detail: "Region 9999 was not found." });
  });

  it("reports an unreachable server as status 0", async () => {
    const client = createApiClient({
      language: () => "id",
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await expect(client.get("/regions")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});

describe("createApiClient changes", () => {
  it("sends JSON with the CSRF token on changes, but not on GET", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const client = createApiClient({
      language: () => "id",
      csrfToken: () => "csrf-1",
      fetch: async (url, init) => {
        calls.push({ url: String(url), init });
        return init?.method === "DELETE"
          ? new Response(null, { status: 204 })
          : new Response(JSON.stringify({ ok: true }), { status: 200 });
      },
    });
    await expect(client.send("POST", "/tokens", { name: "laptop" })).resolves.toEqual({ ok: true });
    await expect(client.send("DELETE", "/tokens/1")).resolves.toBeUndefined();
    await client.get("/auth/me");
    const [post, del, get] = calls.map((c) => new Headers(c.init?.headers));
    expect(calls[0]?.init?.method).toBe("POST");
    expect(calls[0]?.init?.body).toBe('{"name":"laptop"}');
    expect(post?.get("content-type")).toBe("application/json");
    expect(post?.get("x-csrf-token")).toBe("csrf-1");
    expect(del?.get("x-csrf-token")).toBe("csrf-1");
    expect(del?.get("content-type")).toBeNull();
    expect(get?.get("x-csrf-token")).toBeNull();
  });

  it("tells onError of a failed request with its method and path", async () => {
    const seen: { code: string; method: string; path: string }[] = [];
    const client = createApiClient({
      language: () => "en",
      onError: (error, request) => seen.push({ code: error.code, ...request }),
      fetch: async () =>
        new Response(
          JSON.stringify({ status: 401, code: "unauthenticated", detail: "Please log in first." }),
          {
            status: 401,
          },
        ),
    });
    await expect(client.send("PATCH", "/users/1", { disabled: true })).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(seen).toEqual([{ code: "unauthenticated", method: "PATCH", path: "/users/1" }]);
  });
});
