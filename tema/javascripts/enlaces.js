/*
 * Programas del SPEN: dos controles de la interfaz que, sin JavaScript, son un enlace y un
 * formulario normales.
 *
 * 1. «Copiar enlace a esta sección» (el enlace .headerlink de cada apartado): copia la dirección
 *    del apartado al portapapeles, la pone en la barra de direcciones y lo anuncia en una región
 *    «status». Si el navegador no deja copiar, el enlace hace lo de siempre: lleva al apartado.
 * 2. La búsqueda de la cabecera en un teléfono: la caja está plegada y el botón de la lupa la
 *    abre ahí mismo (sin ir a una página con la caja vacía); con texto, busca. Sin JavaScript, el
 *    botón lleva a /buscar/, que tiene su formulario.
 */
(function () {
  "use strict";

  var estado = null;

  function anunciar(texto) {
    if (!estado) {
      estado = document.createElement("p");
      estado.className = "spen-copiado";
      estado.setAttribute("role", "status");
      document.body.appendChild(estado);
    }
    estado.textContent = "";
    window.setTimeout(function () {
      estado.textContent = texto;
    }, 30);
    window.clearTimeout(anunciar.limpiar);
    anunciar.limpiar = window.setTimeout(function () {
      estado.textContent = "";
    }, 3000);
  }

  document.addEventListener("click", function (evento) {
    var enlace = evento.target.closest ? evento.target.closest("a.headerlink") : null;
    if (!enlace || !navigator.clipboard || !window.isSecureContext) {
      return;
    }
    var direccion = enlace.href;
    evento.preventDefault();
    navigator.clipboard.writeText(direccion).then(function () {
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", enlace.getAttribute("href"));
      }
      anunciar("Enlace copiado: " + direccion);
    }, function () {
      window.location.hash = enlace.getAttribute("href");
    });
  });

  function buscador() {
    var formulario = document.querySelector(".spen-cabecera-buscar");
    if (!formulario || formulario.getAttribute("data-spen-listo")) {
      return;
    }
    formulario.setAttribute("data-spen-listo", "1");
    var caja = formulario.querySelector("input[type=search]");
    var boton = formulario.querySelector("button");
    boton.setAttribute("aria-expanded", "false");
    boton.setAttribute("aria-controls", caja.id);
    formulario.addEventListener("submit", function (evento) {
      var plegada = window.getComputedStyle(caja).display === "none";
      if (plegada || caja.value.trim() === "") {
        evento.preventDefault();
        formulario.classList.add("spen-cabecera-buscar--abierta");
        boton.setAttribute("aria-expanded", "true");
        caja.focus();
      }
    });
    caja.addEventListener("keydown", function (evento) {
      if (evento.key === "Escape") {
        formulario.classList.remove("spen-cabecera-buscar--abierta");
        boton.setAttribute("aria-expanded", "false");
        boton.focus();
      }
    });
    formulario.addEventListener("focusout", function () {
      window.setTimeout(function () {
        if (!formulario.contains(document.activeElement) && caja.value.trim() === "") {
          formulario.classList.remove("spen-cabecera-buscar--abierta");
          boton.setAttribute("aria-expanded", "false");
        }
      }, 0);
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(buscador);
  } else {
    window.addEventListener("DOMContentLoaded", buscador);
  }
})();
