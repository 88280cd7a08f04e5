/*
 * Programas del SPEN: las tablas anchas se desplazan dentro de su marco (.md-typeset__scrollwrap,
 * que crea Material). Para que ese marco también se pueda desplazar con el teclado (WCAG 2.1.1;
 * regla «scrollable-region-focusable» de axe), mientras desborda es enfocable y tiene nombre.
 * Sin JavaScript no hay marco: la tabla misma se desplaza y nada de esto hace falta.
 */
(function () {
  "use strict";
  var NOMBRE = "Tabla con desplazamiento horizontal";

  function marcar() {
    var marcos = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < marcos.length; i++) {
      var marco = marcos[i];
      if (marco.scrollWidth > marco.clientWidth + 1) {
        marco.setAttribute("tabindex", "0");
        marco.setAttribute("role", "region");
        marco.setAttribute("aria-label", NOMBRE);
      } else if (marco.getAttribute("aria-label") === NOMBRE) {
        marco.removeAttribute("tabindex");
        marco.removeAttribute("role");
        marco.removeAttribute("aria-label");
      }
    }
  }

  function pronto() {
    window.requestAnimationFrame(marcar);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(pronto);
  } else {
    window.addEventListener("DOMContentLoaded", pronto);
  }
  window.addEventListener("resize", pronto);
})();
