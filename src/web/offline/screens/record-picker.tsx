/**
 * The one way the offline forms choose a held household or member: type part of the address,
 * RW/RT ("rw 7 rt 3" or "7/3"), KK digits or a member's name, and pick from at most 20 matches
 * (WAI-ARIA combobox: arrows and Enter, or a tap). The chosen id is sent in a hidden input named
 * `name`; text typed but not chosen from the list keeps the form from being sent.
 */
import { type KeyboardEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PickEntry, searchPicks } from "./record-search.ts";

/** The most matches shown at once: enough to scan on a phone, few enough to stay quick. */
export const PICK_LIMIT = 20;

/** The text the input shows once an entry is chosen (its detail line shows below). */
const chosenText = (e: PickEntry) => e.title;

export function RecordPicker({
  label,
  name,
  entries,
  required = false,
  onChange,
}: {
  label: string;
  name: string;
  /** The index entries to choose from (households or members), built once per load. */
  entries: readonly PickEntry[];
  required?: boolean;
  /** Told the chosen id ("" when the choice is cleared). */
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const inputId = `${uid}-input`;
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;
  const chosenId = `${uid}-chosen`;
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<PickEntry | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const told = useRef(onChange);
  told.current = onChange;
  // Typing stays responsive: the list follows a moment later when the phone is slow.
  const deferred = useDeferredValue(query);
  const result = useMemo(
    () => (open && !chosen ? searchPicks(entries, deferred, PICK_LIMIT) : { matches: [], total: 0 }),
    [entries, deferred, open, chosen],
  );

  function choose(entry: PickEntry | null, text = "") {
    setChosen(entry);
    setQuery(entry ? chosenText(entry) : text);
    setActive(-1);
    if (entry) setOpen(false);
    told.current?.(entry?.id ?? "");
  }

  // The form's reset (after a save) clears the choice too.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const reset = () => {
      setChosen(null);
      setQuery("");
      setOpen(false);
      told.current?.("");
    };
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);

  // A chosen record that left the phone (sent and replaced, or dropped) is no longer a choice.
  useEffect(() => {
    if (chosen && !entries.some((e) => e.id === chosen.id)) {
      setChosen(null);
      told.current?.("");
    }
  }, [entries, chosen]);

  const unchosen = query.trim() !== "" && !chosen;
  useEffect(() => {
    input.current?.setCustomValidity(unchosen ? t("field.picker.notChosen") : "");
  }, [unchosen, t]);

  useEffect(() => {
    if (active >= 0) list.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const count = result.matches.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (count === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : count - 1) : (a + step + count) % count));
    } else if (e.key === "Enter" && open && (active >= 0 || count === 1)) {
      // Enter takes the highlighted match, or the only one.
      e.preventDefault();
      const entry = result.matches[Math.max(active, 0)];
      if (entry) choose(entry);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const listed = open && chosen === null && result.matches.length > 0;
  const status = chosen
    ? ""
    : !open
      ? t("field.picker.hint")
      : result.total === 0
        ? t("field.picker.none")
        : result.total > result.matches.length
          ? t("field.picker.more", { shown: result.matches.length, total: result.total })
          : t("field.picker.count", { count: result.total });

  return (
    <div className="picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        ref={input}
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={t("field.picker.placeholder")}
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls={listId}
        aria-describedby={chosen ? chosenId : hintId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        required={required}
        value={query}
        onChange={(e) => {
          choose(null, e.target.value);
          setOpen(true);
        }}
        onFocus={() => !chosen && setOpen(true)}
        onClick={() => !chosen && setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      {chosen ? (
        <div className="picker-chosen">
          <span id={chosenId}>
            <small>{chosen.detail}</small>
            {chosen.isNew ? <small> {t("offline.newRecord")}</small> : null}
          </span>
          <button
            type="button"
            className="button button-secondary picker-clear"
            onClick={() => {
              choose(null);
              setOpen(true);
              input.current?.focus();
            }}
          >
            {t("field.picker.change")}
          </button>
        </div>
      ) : null}
      <div ref={list} id={listId} role="listbox" aria-label={label} className="picker-list" hidden={!listed}>
        {result.matches.map((entry, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the combobox (arrows, Enter)
          <div
            key={entry.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className="picker-option"
            // Keep the focus in the input, so its blur does not close the list before the tap lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(entry)}
          >
            <span className="picker-title">
              {entry.title}
              {entry.isNew ? <em> {t("offline.newRecord")}</em> : null}
            </span>
            <small className="picker-detail">{entry.detail}</small>
          </div>
        ))}
      </div>
      <p id={hintId} className="muted picker-status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
