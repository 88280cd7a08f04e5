/* Página de búsqueda (/buscar/): consulta los índices de Pagefind del sitio (uno por
 * institución y uno común, ver buscador.py), que el navegador descarga por trozos solo cuando
 * una consulta los necesita. Sin JavaScript el formulario queda y un aviso lleva a los índices.
 *
 * La consulta va en la dirección (?q=…&institucion=…): se puede enlazar y citar, y el
 * formulario de la cabecera de cada página llega aquí con ella. */
(function () {
  "use strict";
  var raiz = document.querySelector("[data-buscador]");
  if (!raiz) { return; }
  var carpeta = new URL(raiz.getAttribute("data-buscador"), document.baseURI);
  var baseSitio = new URL(raiz.getAttribute("data-raiz"), document.baseURI).pathname;
  var formulario = raiz.querySelector("form");
  var caja = raiz.querySelector("input[name=q]");
  var estado = raiz.querySelector("[role=status]");
  var lista = raiz.querySelector("ol");
  /* «Mostrar más»: solo existe con JavaScript (sin él no hay resultados que mostrar) */
  var mas = document.createElement("button");
  mas.type = "button";
  mas.className = "md-button md-button--primary spen-buscador__mas";
  mas.setAttribute("data-mas", "");
  mas.hidden = true;
  mas.textContent = "Mostrar más resultados";
  lista.after(mas);
  var POR_TANDA = 10;
  /* Palabras vacías: artículos, preposiciones y conjunciones que están en casi todas las
   * páginas. Pagefind pide todas las palabras de la consulta, y las listas de estas son las
   * más largas del índice (a escala nacional, «evaluación del desempeño» tardaba el doble que
   * «evaluación desempeño», con los mismos resultados). Se quitan de la consulta, salvo si
   * no queda otra palabra o si va entre comillas (una frase exacta). */
  var VACIAS = ["a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o",
                "para", "por", "u", "un", "una", "unas", "unos", "y"];
  var SUBRESULTADOS = 3;
  var pagefind = null;
  var selector = null;
  var resultados = [];
  var mostrados = 0;
  var turno = 0;
  var espera = null;

  function avisar(texto) { estado.textContent = texto; }

  function plural(n, uno, varios) { return n === 1 ? uno : varios; }

  function formato(n) { return n.toLocaleString("es-MX"); }

  /* El extracto de Pagefind es texto con <mark> en las palabras halladas: se copian solo el
   * texto y las marcas, sin interpretar ningún otro HTML. */
  function extracto(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (nodo) {
      if (nodo.nodeType === Node.ELEMENT_NODE && nodo.tagName === "MARK") {
        var marca = document.createElement("mark");
        marca.textContent = nodo.textContent;
        p.appendChild(marca);
      } else {
        p.appendChild(document.createTextNode(nodo.textContent));
      }
    });
    return p;
  }

  function enlace(url, texto) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = texto;
    return a;
  }

  function elemento(datos) {
    var li = document.createElement("li");
    li.className = "spen-resultado";
    var titulo = document.createElement("p");
    titulo.className = "spen-resultado__titulo";
    var nombre = (datos.meta && datos.meta.title) || datos.url;
    titulo.appendChild(enlace(datos.url, nombre));
    li.appendChild(titulo);
    /* los apartados de la página (sus encabezados con ancla), sin el título de la página */
    var partes = (datos.sub_results || []).filter(function (s) {
      return s.url !== datos.url && s.title !== nombre;
    });
    /* primero los apartados donde más pesan las palabras halladas (un título que las tiene
     * pesa más que el texto); a igual peso, en el orden de la página */
    var peso = function (s) {
      return (s.weighted_locations || []).reduce(function (t, w) { return t + (w.balanced_score || 0); }, 0);
    };
    partes = partes.map(function (s, i) { return { s: s, i: i, peso: peso(s) }; })
      .sort(function (a, b) { return b.peso - a.peso || a.i - b.i; })
      .map(function (x) { return x.s; });
    if (partes.length === 0) {
      li.appendChild(extracto(datos.excerpt || ""));
      return li;
    }
    var sub = document.createElement("ul");
    sub.className = "spen-resultado__partes";
    partes.slice(0, SUBRESULTADOS).forEach(function (parte) {
      var item = document.createElement("li");
      item.appendChild(enlace(parte.url, parte.title || datos.meta.title));
      item.appendChild(extracto(parte.excerpt || ""));
      sub.appendChild(item);
    });
    li.appendChild(sub);
    if (partes.length > SUBRESULTADOS) {
      var resto = document.createElement("p");
      resto.className = "spen-resultado__resto";
      var n = partes.length - SUBRESULTADOS;
      resto.appendChild(enlace(datos.url, "y " + formato(n) + plural(n, " apartado más", " apartados más") +
                                " en esta página"));
      li.appendChild(resto);
    }
    return li;
  }

  async function mostrarTanda(mio) {
    var tanda = resultados.slice(mostrados, mostrados + POR_TANDA);
    var datos = await Promise.all(tanda.map(function (r) { return r.data(); }));
    if (mio !== turno) { return; }
    var primero = null;
    datos.forEach(function (d) {
      var li = elemento(d);
      lista.appendChild(li);
      if (!primero) { primero = li; }
    });
    mostrados += tanda.length;
    mas.hidden = mostrados >= resultados.length;
    return primero;
  }

  function terminos(q) {
    if (q.indexOf('"') >= 0) { return q; }
    var palabras = q.split(/\s+/).filter(Boolean);
    var utiles = palabras.filter(function (p) { return VACIAS.indexOf(p.toLowerCase()) < 0; });
    return (utiles.length ? utiles : palabras).join(" ");
  }

  function parametros() {
    var p = new URLSearchParams(location.search);
    return { q: (p.get("q") || "").trim(), institucion: p.get("institucion") || "" };
  }

  function recordar(q, institucion) {
    var p = new URLSearchParams();
    if (q) { p.set("q", q); }
    if (institucion) { p.set("institucion", institucion); }
    var nueva = location.pathname + (p.toString() ? "?" + p.toString() : "");
    if (nueva !== location.pathname + location.search) { history.replaceState(null, "", nueva); }
  }

  async function buscar() {
    var mio = ++turno;
    var q = caja.value.trim();
    var institucion = selector ? selector.value : "";
    recordar(q, institucion);
    lista.textContent = "";
    mas.hidden = true;
    resultados = [];
    mostrados = 0;
    if (!q) { avisar("Escriba lo que busca."); return; }
    if (!pagefind) { return; }
    avisar("Buscando…");
    var opciones = institucion ? { filters: { institucion: institucion } } : {};
    var respuesta = await pagefind.search(terminos(q), opciones);
    if (mio !== turno) { return; }
    resultados = respuesta.results;
    var donde = institucion ? " en " + institucion : "";
    if (resultados.length === 0) {
      avisar("Ningún resultado para «" + q + "»" + donde + ".");
      return;
    }
    await mostrarTanda(mio);
    if (mio !== turno) { return; }
    avisar(formato(resultados.length) + plural(resultados.length, " página", " páginas") +
           " con «" + q + "»" + donde + ".");
  }

  function buscarEnUnMomento() {
    clearTimeout(espera);
    espera = setTimeout(buscar, 300);
  }

  function ponerSelector(indices, elegida) {
    var instituciones = indices.filter(function (i) { return i.institucion; });
    if (instituciones.length < 2) { return; }
    var grupo = document.createElement("p");
    grupo.className = "spen-buscador__institucion";
    var etiqueta = document.createElement("label");
    etiqueta.setAttribute("for", "spen-busqueda-institucion");
    etiqueta.textContent = "Institución: ";
    selector = document.createElement("select");
    selector.id = "spen-busqueda-institucion";
    selector.name = "institucion";
    var todas = document.createElement("option");
    todas.value = "";
    todas.textContent = "Todas";
    selector.appendChild(todas);
    instituciones.forEach(function (i) {
      var opcion = document.createElement("option");
      opcion.value = i.institucion;
      opcion.textContent = i.institucion;
      selector.appendChild(opcion);
    });
    selector.value = elegida;
    if (selector.value !== elegida) { selector.value = ""; }
    selector.addEventListener("change", buscar);
    grupo.appendChild(etiqueta);
    grupo.appendChild(selector);
    formulario.insertBefore(grupo, formulario.querySelector("button"));
  }

  async function iniciar() {
    var pedidos = parametros();
    caja.value = pedidos.q;
    formulario.addEventListener("submit", function (evento) {
      evento.preventDefault();
      clearTimeout(espera);
      buscar();
    });
    caja.addEventListener("input", buscarEnUnMomento);
    mas.addEventListener("click", async function () {
      if (mas.disabled) { return; }
      mas.disabled = true;
      try {
        var primero = await mostrarTanda(turno);
        /* el foco, al primer resultado nuevo: el lector de pantalla sigue desde ahí */
        if (primero) { primero.querySelector("a").focus(); }
      } finally {
        mas.disabled = false;
      }
    });
    avisar("Preparando la búsqueda…");
    var respuesta = await fetch(new URL("indices.json", carpeta));
    if (!respuesta.ok) { throw new Error("indices.json: " + respuesta.status); }
    var indices = (await respuesta.json()).indices;
    var comun = indices[0];
    var modulo = await import(new URL(comun.carpeta + "pagefind.js", carpeta).href);
    await modulo.options({ baseUrl: baseSitio, excerptLength: 24 });
    for (var i = 1; i < indices.length; i++) {
      await modulo.mergeIndex(new URL(indices[i].carpeta, carpeta).href, {
        baseUrl: baseSitio, excerptLength: 24,
        mergeFilter: { institucion: indices[i].institucion }
      });
    }
    await modulo.init();
    pagefind = modulo;
    ponerSelector(indices, pedidos.institucion);
    raiz.setAttribute("data-listo", "");
    if (caja.value.trim()) { await buscar(); } else { avisar("Escriba lo que busca."); }
  }

  iniciar().catch(function (error) {
    raiz.setAttribute("data-listo", "error");
    avisar("La búsqueda no está disponible en este momento. Puede recorrer los índices de " +
           "documentos, acuerdos y sesiones desde el menú.");
    if (window.console) { console.error(error); }
  });
})();
