/* Dibuja con Plotly las gráficas de la página a partir de su especificación (atributo
 * data-grafica). Mejora progresiva: cada gráfica repite una tabla que ya está en la página.
 * Sigue el esquema de color claro u oscuro de Material y se redibuja al cambiarlo. */
(function () {
  "use strict";
  if (typeof window.Plotly === "undefined") { return; }

  function colores() {
    var estilo = getComputedStyle(document.body);
    function variable(nombre, respaldo) {
      var valor = estilo.getPropertyValue(nombre).trim();
      return valor || respaldo;
    }
    return {
      texto: variable("--md-default-fg-color", "#000000"),
      fondo: variable("--md-default-bg-color", "#ffffff"),
      rejilla: variable("--md-default-fg-color--lightest", "#dddddd"),
      series: [variable("--md-primary-fg-color", "#3f51b5"), variable("--spen-serie-2", "#e65100")]
    };
  }

  function dibujar() {
    var c = colores();
    document.querySelectorAll("[data-grafica]").forEach(function (lienzo) {
      var espec = JSON.parse(lienzo.getAttribute("data-grafica"));
      var datos = (espec.data || []).map(function (traza) {
        var copia = Object.assign({}, traza);
        if (copia.type === "bar") {
          copia.marker = { color: c.series[(copia.serie || 0) % c.series.length] };
        }
        if (copia.type === "heatmap") {
          copia.colorscale = [[0, c.fondo], [0.5, c.series[1]], [1, c.series[0]]];
        }
        delete copia.serie;
        delete copia.escala;
        return copia;
      });
      var diseno = Object.assign({}, espec.layout || {}, {
        paper_bgcolor: c.fondo,
        plot_bgcolor: c.fondo,
        font: { color: c.texto, family: "inherit" },
        legend: { orientation: "h" }
      });
      ["xaxis", "yaxis"].forEach(function (eje) {
        diseno[eje] = Object.assign({ gridcolor: c.rejilla, zerolinecolor: c.rejilla }, diseno[eje] || {});
      });
      lienzo.hidden = false;
      /* sin barra de herramientas: sus botones (en inglés) se podían enfocar dentro de una
       * gráfica oculta a los lectores de pantalla (aria-hidden: la tabla es la versión
       * accesible), y uno ofrecía publicar la gráfica en otro servidor */
      window.Plotly.react(lienzo, datos, diseno, { displayModeBar: false, responsive: true });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", dibujar);
  } else {
    dibujar();
  }
  new MutationObserver(dibujar).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"]
  });
})();
