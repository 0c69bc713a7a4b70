// Alerta: small progressive help for the pages. Everything works without it.
"use strict";

// Suggestions from our own data as the volunteer types: `search` names the
// API to ask and `labels` picks the labels out of its answer. The label is
// what the field sends back ("Cochabamba, BO", "Cochabamba (BO-C)").
function suggest(input, search, labels) {
  const list = document.createElement("datalist");
  list.id = input.name + "-suggestions";
  input.setAttribute("list", list.id);
  input.after(list);
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const response = await fetch(search + "?limit=6&q=" + encodeURIComponent(q));
      if (!response.ok) return;
      list.replaceChildren(...labels(await response.json()).map((label) => {
        const option = document.createElement("option");
        option.value = label;
        return option;
      }));
    }, 200);
  });
}

// "Use my location": fills the hidden lat/lng fields of the button's form.
function locate(button) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const form = button.form;
    const status = document.getElementById(button.dataset.status);
    navigator.geolocation.getCurrentPosition((position) => {
      form.elements.lat.value = position.coords.latitude.toFixed(5);
      form.elements.lng.value = position.coords.longitude.toFixed(5);
      if (status) status.textContent = button.dataset.done;
      if (button.dataset.submit !== undefined) form.submit();
    }, () => { if (status) status.textContent = button.dataset.failed; });
  });
}

// The browser's own UTC offset, preselected in time-zone choosers that
// carry no choice yet (the server leaves the marker off once one was made).
function presetOffset(select) {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const value = sign + String(Math.floor(abs / 60)).padStart(2, "0") + ":" + String(abs % 60).padStart(2, "0");
  if ([...select.options].some((o) => o.value === value)) select.value = value;
}

// Dispatch figures that update themselves while mail goes out.
function followDispatch(element) {
  const refresh = async () => {
    const response = await fetch(element.dataset.dispatch, { credentials: "same-origin" });
    if (!response.ok) return;
    const figures = await response.json();
    for (const name of ["recipients", "queued", "sent", "failed", "undeliverable"]) {
      const cell = element.querySelector("[data-figure=" + name + "]");
      if (cell) cell.textContent = figures[name];
    }
    const bar = element.querySelector("progress");
    if (bar) { bar.max = Math.max(figures.recipients, 1); bar.value = figures.sent + figures.failed; }
    if (figures.queued > 0) setTimeout(refresh, 3000);
  };
  setTimeout(refresh, 1000);
}

// The phone's own share sheet, where there is one.
function share(button) {
  if (!navigator.share) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(() => {});
  });
}

document.querySelectorAll("input[data-suggest]").forEach((input) =>
  suggest(input, "/api/v1/places", (found) => found.places.map((place) => place.label)));
document.querySelectorAll("input[data-suggest-regions]").forEach((input) =>
  suggest(input, "/api/v1/regions", (found) => found.regions.map((region) => region.label)));
if (navigator.geolocation) document.querySelectorAll("button[data-locate]").forEach(locate);
document.querySelectorAll("select[data-tz-offset]").forEach(presetOffset);
document.querySelectorAll("[data-dispatch]").forEach(followDispatch);
document.querySelectorAll("button[data-share]").forEach(share);
