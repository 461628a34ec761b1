// The review page's keyboard: every key drives a button or form the page already has, so the page works the same
// without this file (progressive enhancement). Served as a static file: the Content-Security-Policy allows no inline
// script. The keys are documented on the page (#keyboard-help), which "?" opens.
(function () {
  "use strict";
  const rows = Array.from(document.querySelectorAll("#segments tbody tr[id^='segment-']"));
  const status = document.getElementById("keyboard-status");
  const help = document.getElementById("keyboard-help");
  if (rows.length === 0) {
    return;
  }

  const isOpen = (row) => row.dataset.state === "InReview" || row.dataset.state === "Rejected";
  const say = (text) => { if (status) { status.textContent = text; } };

  function current() {
    const active = document.activeElement;
    const row = active && active.closest ? active.closest("#segments tbody tr[id^='segment-']") : null;
    return row || rows.find((r) => r.classList.contains("current")) || null;
  }

  function focusRow(row) {
    if (!row) {
      return;
    }
    rows.forEach((r) => r.classList.toggle("current", r === row));
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const row = current();
    const index = row ? rows.indexOf(row) : -1;
    focusRow(rows[Math.min(rows.length - 1, Math.max(0, index + step))]);
  }

  function nextOpen() {
    const row = current();
    const index = row ? rows.indexOf(row) : -1;
    const after = rows.slice(index + 1).concat(rows.slice(0, index + 1));
    const open = after.find(isOpen);
    if (open) {
      focusRow(open);
    } else {
      say("No segment is waiting for a decision.");
    }
  }

  function openEditor(row, text) {
    const details = row.querySelector("details.edit");
    if (!details) {
      say("This segment cannot be edited here.");
      return null;
    }
    details.open = true;
    const area = details.querySelector("textarea");
    if (text !== undefined && text !== null) {
      area.value = text;
    }
    area.focus();
    return area;
  }

  function approve(row) {
    const form = row.querySelector("form.approve-form");
    if (!form) {
      const why = row.querySelector(".four-eyes");
      say(why ? why.textContent.trim() : "This segment is not waiting for your approval.");
      return;
    }
    const reason = form.querySelector("input[name=overrideReason]");
    if (reason && reason.value.trim() === "") {
      reason.focus();
      say("This segment has error findings: type the reason to approve it anyway, then Ctrl+Enter.");
      return;
    }
    form.requestSubmit();
  }

  function reject(row) {
    const details = row.querySelector("details.reject");
    if (!details) {
      say("This segment is not waiting for a decision.");
      return;
    }
    details.open = true;
    details.querySelector("input[name=reason]").focus();
  }

  function insertCodes(area, row) {
    const codes = (row.dataset.codes || "").split(" ").filter((c) => c.length > 0);
    let added = "";
    for (const code of codes) {
      const [kind, id] = code.split(":");
      const open = kind === "pc" ? `<pc id="${id}">` : `<ph id="${id}"/>`;
      if (!area.value.includes(open)) {
        added += kind === "pc" ? `${open}</pc>` : open;
      }
    }
    if (added === "") {
      say("The translation already has every code of the source.");
      return;
    }
    const at = area.selectionStart ?? area.value.length;
    area.value = area.value.slice(0, at) + added + area.value.slice(area.selectionEnd ?? at);
    area.selectionStart = area.selectionEnd = at + added.length;
  }

  // Memory matches: the button is shown only where this script runs.
  document.querySelectorAll("button.insert-match").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const row = button.closest("tr");
      openEditor(row, button.closest(".memory-match").dataset.target);
      say("Memory match inserted: choose the MQM category and save.");
    });
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (typing) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.form) {
        event.preventDefault();
        target.form.requestSubmit();
      } else if (event.key === "Escape") {
        const row = target.closest("tr");
        if (row) {
          event.preventDefault();
          focusRow(row);
        } else {
          target.blur();
        }
      } else if (event.key === "c" && event.altKey && target.tagName === "TEXTAREA") {
        event.preventDefault();
        insertCodes(target, target.closest("tr"));
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }

    const row = current();
    const withRow = (action) => {
      event.preventDefault();
      if (row) {
        action(row);
      } else {
        say("Choose a segment first: j or ↓.");
      }
    };
    switch (event.key) {
      case "j": case "ArrowDown": event.preventDefault(); move(1); break;
      case "k": case "ArrowUp": event.preventDefault(); move(-1); break;
      case "n": event.preventDefault(); nextOpen(); break;
      case "a": withRow(approve); break;
      case "e": withRow((r) => openEditor(r)); break;
      case "r": withRow(reject); break;
      case "t": withRow((r) => {
        if (r.dataset.machine) {
          openEditor(r, r.dataset.machine);
        } else {
          say("This segment has no machine translation.");
        }
      }); break;
      case "m": withRow((r) => {
        const best = r.querySelector(".memory-match");
        if (best) {
          openEditor(r, best.dataset.target);
        } else {
          say("No translation-memory match for this segment.");
        }
      }); break;
      case "c": withRow((r) => { const area = openEditor(r); if (area) { insertCodes(area, r); } }); break;
      case "h": withRow((r) => { const link = r.querySelector("a.history-link"); if (link) { link.click(); } }); break;
      case "/": {
        event.preventDefault();
        const search = document.getElementById("segment-search");
        if (search) { search.focus(); }
        break;
      }
      case "?":
        event.preventDefault();
        if (help) {
          help.open = !help.open;
          if (help.open) { help.querySelector("summary").focus(); }
        }
        break;
      default: break;
    }
  });

  // After a save the server sends the reviewer back to #segment-N (the same segment, or the next open one after an
  // approval): focus goes there, so the keyboard carries on where the work is.
  const fromHash = location.hash.startsWith("#segment-") ? document.getElementById(location.hash.slice(1)) : null;
  const conflict = document.querySelector("#segments details.edit[open] textarea");
  if (conflict) {
    conflict.focus();
  } else if (!document.querySelector(".confirm [autofocus]")) {
    focusRow(fromHash || rows.find(isOpen) || rows[0]);
  }
})();
