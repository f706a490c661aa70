// Draws a bar chart from each table marked data-lh-chart, above the table. Progressive enhancement: the
// table stays, and it is what screen readers and people without script use; the chart is an image of the
// same figures (role="img" with a label that points to the table). Kept in a file, with chart.js from npm
// loaded before it, so the Content-Security-Policy can forbid inline script. Styles are set through the
// DOM (not style attributes in markup), which that policy allows.
//
// <table data-lh-chart="1,2" data-lh-chart-label="Bookings and attendance by agency">: the numbers of
// the chart are in those columns (0 is the row's label), one set of bars per column, named by its header.

const Chart = window.Chart;
// GOV.UK colours with enough contrast against white: blue, orange, green, purple.
const colours = ["#1d70b8", "#f47738", "#00703c", "#4c2c92"];

function numberIn(cell) {
  if (!cell) {
    return null;
  }

  const text = cell.textContent.replace(/[,%\s]/g, "");
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

function draw(table) {
  const rows = [...table.tBodies].flatMap((body) => [...body.rows]).filter((row) => row.cells[0]?.tagName === "TH");
  const columns = (table.dataset.lhChart || "1").split(",").map((c) => Number.parseInt(c, 10)).filter((c) => c > 0);
  const headers = table.tHead?.rows[0] ? [...table.tHead.rows[0].cells].map((cell) => cell.textContent.trim()) : [];
  const labels = rows.map((row) => row.cells[0].textContent.trim());
  const datasets = columns.map((column, index) => ({
    label: headers[column] || `Column ${column}`,
    data: rows.map((row) => numberIn(row.cells[column])),
    backgroundColor: colours[index % colours.length],
  }));
  if (rows.length === 0 || datasets.every((set) => set.data.every((value) => value === null))) {
    return;
  }

  const title = table.dataset.lhChartLabel || table.caption?.textContent.trim() || "Figures";
  const container = document.createElement("div");
  container.className = "lh-chart";
  container.style.position = "relative";
  container.style.height = `${Math.max(140, rows.length * datasets.length * 28 + 70)}px`;
  container.style.marginBottom = "20px";
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `Bar chart: ${title}. The same figures are in the table that follows.`);
  container.append(canvas);
  table.before(container);

  new Chart(canvas, {
    type: "bar",
    data: { labels, datasets },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: "#0b0c0c",
      plugins: { legend: { display: datasets.length > 1, labels: { color: "#0b0c0c" } } },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, color: "#0b0c0c" } },
        y: { ticks: { color: "#0b0c0c" } },
      },
    },
  });
  table.dataset.lhChartDrawn = "true";
}

if (Chart) {
  document.querySelectorAll("table[data-lh-chart]").forEach(draw);
}
