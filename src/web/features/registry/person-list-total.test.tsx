import i18next from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { Pager } from "../../components/pager.tsx";
import { en } from "../../i18n/en.ts";
import { formatCount } from "../../i18n/format.ts";
import { id } from "../../i18n/id.ts";

async function instance(lng: "id" | "en") {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
  });
  return i18n;
}

async function pager(lng: "id" | "en", page: number, totalIsLowerBound: boolean) {
  const i18n = await instance(lng);
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Pager page={page} pageSize={20} total={1000} totalIsLowerBound={totalIsLowerBound} onPage={() => {}} />
    </I18nextProvider>,
  );
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("a person list whose total is a lower bound (name search past 1,000 matches)", () => {
  it("heads the list with 1.000+ in Indonesian and 'more than 1,000' in English", async () => {
    const idT = (await instance("id")).t;
    const enT = (await instance("en")).t;
    expect(idT("registry.list.personsFoundAtLeast", { total: formatCount(1000, "id") })).toBe("1.000+ jiwa");
    expect(enT("registry.list.personsFoundAtLeast", { total: formatCount(1000, "en") })).toBe(
      "More than 1,000 people",
    );
  });

  it("pages on, with the range saying the total is at least 1.000", async () => {
    expect(await pager("id", 1, true)).toBe("Sebelumnya 1–20 dari 1.000+ Berikutnya");
    expect(await pager("en", 2, true)).toBe("Previous 21–40 of more than 1,000 Next");
    expect(await pager("id", 2, false)).toBe("Sebelumnya 21–40 dari 1.000 Berikutnya");
    // The next button stays enabled until the last counted page.
    const i18n = await instance("id");
    const first = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <Pager page={1} pageSize={20} total={1000} totalIsLowerBound onPage={() => {}} />
      </I18nextProvider>,
    );
    expect(first.match(/<button[^>]*>/g)).toEqual([
      expect.stringContaining("disabled"),
      expect.not.stringContaining("disabled"),
    ]);
  });
});
