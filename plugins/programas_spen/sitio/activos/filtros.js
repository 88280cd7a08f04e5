/* Filtros de la agenda mensual (mejora progresiva): sin JavaScript se ve todo; con él, unos
 * selectores por institución y por área ocultan los elementos de la agenda que no coinciden.
 * Los valores salen de los atributos data-filtro-* de cada elemento, que el sitio escribe con
 * los nombres del catálogo (nunca del texto visible, que lleva el significado de las siglas). */
(function () {
  "use strict";
  var contenedor = document.querySelector("[data-filtros]");
  if (!contenedor) { return; }
  var filtros = [];
  var rotulos = { institucion: "Institución", area: "Área" };

  function elementos(nombre) {
    return Array.prototype.slice.call(document.querySelectorAll("article li[data-filtro-" + nombre + "]"));
  }

  Object.keys(rotulos).forEach(function (nombre) {
    var valores = {};
    elementos(nombre).forEach(function (li) { valores[li.getAttribute("data-filtro-" + nombre)] = true; });
    var lista = Object.keys(valores).sort();
    if (lista.length < 2) { return; }
    var id = "spen-filtro-" + nombre;
    var etiqueta = document.createElement("label");
    etiqueta.setAttribute("for", id);
    etiqueta.textContent = rotulos[nombre] + ": ";
    var selector = document.createElement("select");
    selector.id = id;
    var todas = document.createElement("option");
    todas.value = "";
    todas.textContent = "Todas";
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
