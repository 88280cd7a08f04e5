/* Filtros de la agenda de un mes (mejora progresiva): sin JavaScript se ve todo; con él, unos
 * selectores por institución y por área ocultan los elementos de la agenda que no coinciden.
 * Los valores salen de los atributos data-filtro-* de cada elemento, que el sitio escribe con
 * los nombres del catálogo (nunca del texto visible, que lleva el significado de las siglas):
 * una institución o un área es una sola opción, y lo que no tiene área no es una opción. */
(function () {
  "use strict";
  var contenedor = document.querySelector("[data-filtros-agenda]");
  if (!contenedor) { return; }
  var filtros = [];
  var rotulos = { institucion: "Institución", area: "Área" };

  Object.keys(rotulos).forEach(function (nombre) {
    var valores = {};
    var elementos = document.querySelectorAll("article li[data-filtro-" + nombre + "]");
    Array.prototype.forEach.call(elementos, function (li) {
      valores[li.getAttribute("data-filtro-" + nombre)] = true;
    });
    var lista = Object.keys(valores).sort(function (a, b) { return a.localeCompare(b, "es"); });
    if (lista.length < 2) { return; }
    var id = "spen-filtro-" + nombre;
    var etiqueta = document.createElement("label");
    etiqueta.setAttribute("for", id);
    etiqueta.textContent = rotulos[nombre] + ": ";
    var selector = document.createElement("select");
    selector.id = id;
    var todas = document.createElement("option");
    todas.value = "";
    todas.textContent = "Cualquiera";
    selector.appendChild(todas);
    lista.forEach(function (valor) {
      var opcion = document.createElement("option");
      opcion.value = valor;
      opcion.textContent = valor;
      selector.appendChild(opcion);
    });
    selector.addEventListener("change", aplicar);
    etiqueta.appendChild(selector);
    contenedor.appendChild(etiqueta);
    filtros.push({ nombre: nombre, selector: selector });
  });

  function aplicar() {
    var filtrables = document.querySelectorAll("article li[data-filtro-institucion]");
    Array.prototype.forEach.call(filtrables, function (li) {
      li.hidden = !filtros.every(function (filtro) {
        return !filtro.selector.value || li.getAttribute("data-filtro-" + filtro.nombre) === filtro.selector.value;
      });
    });
  }

  if (filtros.length) { contenedor.hidden = false; }
})();
